package io.borderlink.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.gateway.support.GatewayClient;
import io.borderlink.gateway.support.GatewayTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.TestPropertySource;

/**
 * The operations endpoints as the prod profile has them ({@code borderlink.operations.open-endpoints} off):
 * the probes answer everyone with their status; metrics and health components need an administrator's,
 * an auditor's or a monitoring system's certificate; the API documentation any registered certificate. A
 * refusal is audited like any other.
 */
@AutoConfigureObservability
@TestPropertySource(properties = "borderlink.operations.open-endpoints=false")
class ClosedOperationsEndpointsIT extends GatewayTestSupport {

    @Test
    void probesAnswerEveryoneWithTheirStatusAlone() {
        GatewayClient anonymous = GatewayClient.anonymous(port);

        assertThat(anonymous.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").body()).doesNotContain("components");
    }

    @Test
    void metricsAndHealthComponentsNeedAnOperatorsCertificate() {
        long refusals = accessRefusals();

        assertThat(GatewayClient.anonymous(port).get("/actuator/prometheus").statusCode())
                .isEqualTo(403);
        assertThat(agency("mn-border").get("/actuator/prometheus").statusCode()).isEqualTo(403);
        assertThat(agency("officer-1").get("/actuator/health/partners").statusCode())
                .isEqualTo(403);
        assertThat(accessRefusals()).isEqualTo(refusals + 3);

        assertThat(agency("admin-1").get("/actuator/prometheus").body()).contains("borderlink_outbox_shares");
        assertThat(agency("auditor-1").get("/actuator/health/partners").statusCode())
                .isEqualTo(200);
    }

    /**
     * A health group, metric or logger there is not was a bare 404 with no body: the endpoint committed it at
     * once. It is answered as every refusal is, with its code in problem JSON and an audit event.
     */
    @Test
    void anOperationsResourceThereIsNotIsRefusedWithACodeAndAnAuditEvent() {
        for (String path : List.of(
                "/actuator/health/no-such-group",
                "/actuator/metrics/no.such.metric",
                "/actuator/loggers/no.such.logger")) {
            var answer = agency("admin-1").get(path);

            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
            assertThat(answer.body()).as(path).contains("\"code\":\"NOT_FOUND\"");
        }
        assertThat(jdbc.queryForList(
                        "SELECT detail FROM audit_event WHERE step = 'RECEIVE' AND code = 'NOT_FOUND'", String.class))
                .anySatisfy(detail -> assertThat(detail).contains("/actuator/health/no-such-group"))
                .anySatisfy(detail -> assertThat(detail).contains("/actuator/metrics/no.such.metric"));
    }

    /** The documentation is for agencies and people: neither the anonymous nor a foreign partner reads it. */
    @Test
    void theApiDocumentationIsForAgenciesAndPeople() {
        assertThat(GatewayClient.anonymous(port).get("/v3/api-docs/people").statusCode())
                .isEqualTo(403);
        assertThat(GatewayClient.anonymous(port)
                        .get("/contracts/openapi/borderlink-api.yaml")
                        .statusCode())
                .isEqualTo(403);
        assertThat(agency("ru-liaison").get("/v3/api-docs/people").statusCode()).isEqualTo(403);
        assertThat(agency("mn-border").get("/v3/api-docs/people").statusCode()).isEqualTo(200);
        assertThat(agency("officer-1")
                        .get("/contracts/openapi/borderlink-api.yaml")
                        .statusCode())
                .isEqualTo(200);
    }

    private long accessRefusals() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM audit_event WHERE step = 'ACCESS' AND outcome = 'REJECTED'", Long.class);
    }
}
