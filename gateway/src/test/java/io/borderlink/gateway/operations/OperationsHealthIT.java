package io.borderlink.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.gateway.support.GatewayClient;
import io.borderlink.gateway.support.GatewayTestSupport;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.TestPropertySource;

/**
 * Health as an orchestrator and an operator meet it: the status for anyone, every component with its details
 * for an administrator; a partner that keeps failing makes the gateway DEGRADED (still ready, still alive)
 * with the precise cause in the health details, the share's last error, the audit trail and the log line,
 * which carries the exchange id, share id, partner and step.
 */
@TestPropertySource(
        properties = {
            "borderlink.partner.ru-liaison.max-attempts=50",
            "borderlink.partner.ru-liaison.circuit-failures=2",
            "borderlink.partner.ru-liaison.circuit-open-for=20s"
        })
class OperationsHealthIT extends GatewayTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Keeps each event with the MDC of the thread that logged it (logback reads it lazily otherwise). */
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            super.append(event);
        }
    };

    @BeforeEach
    void captureLogs() {
        logged.start();
        gatewayLogger().addAppender(logged);
    }

    @AfterEach
    void releaseLogs() {
        gatewayLogger().detachAppender(logged);
    }

    /** Anonymous callers and an officer get the status; an administrator also gets every component. */
    @Test
    void showsTheStatusToEveryoneAndTheComponentsToOperators() throws Exception {
        JsonNode anonymous = health(GatewayClient.anonymous(port), "/actuator/health");
        JsonNode officer = health(agency("officer-1"), "/actuator/health");
        JsonNode admin = health(agency("admin-1"), "/actuator/health");

        assertThat(anonymous.has("status")).isTrue();
        assertThat(anonymous.has("components")).isFalse();
        assertThat(officer.has("components")).isFalse();
        assertThat(admin.get("components").fieldNames())
                .toIterable()
                .contains(
                        "partners",
                        "outbox",
                        "approvals",
                        "audit",
                        "cluster",
                        "db",
                        "hazelcast",
                        "livenessState",
                        "readinessState");
        assertThat(admin.at("/components/audit/details/chainLength").isNumber()).isTrue();
        assertThat(admin.at("/components/cluster/details/minimumMembers").asInt())
                .isEqualTo(1);
        assertThat(health(GatewayClient.anonymous(port), "/actuator/health/readiness")
                        .get("status")
                        .asText())
                .isEqualTo("UP");
        assertThat(health(GatewayClient.anonymous(port), "/actuator/health/liveness")
                        .get("status")
                        .asText())
                .isEqualTo("UP");
    }

    /**
     * RU-LIAISON answers 503 with a short explanation: its circuit opens, the gateway is DEGRADED but ready and
     * alive, and the partner's answer is in the health details, the share's last error and the audit trail.
     * Once it answers again, the share is delivered and the gateway is UP.
     */
    @Test
    void aFailingPartnerDegradesTheGatewayWithThePreciseCause() throws Exception {
        RU_LIAISON.answer(503, "Service Unavailable: maintenance until 06:00 UTC");
        Exchange incident = fresh(Samples.borderIncidentFromBorderPolice());
        assertThat(agency("mn-border").submit(protect(incident, "mn-border")).statusCode())
                .isEqualTo(202);
        UUID share = jdbc.queryForObject(
                "SELECT id FROM share WHERE exchange_id = ? AND recipient_id = 'RU-LIAISON'",
                UUID.class,
                incident.header().exchangeId());

        await().atMost(Duration.ofSeconds(30)).until(() -> health(agency("admin-1"), "/actuator/health")
                .at("/components/partners/details/RU-LIAISON/circuit")
                .asText()
                .equals("OPEN"));
        HttpResponse<String> degraded = agency("admin-1").get("/actuator/health");
        Files.createDirectories(Path.of("gateway/target/operations"));
        Files.writeString(Path.of("gateway/target/operations/health-partner-down.json"), degraded.body());
        JsonNode health = JSON.readTree(degraded.body());
        String cause = "RU-LIAISON: answered HTTP 503: Service Unavailable: maintenance until 06:00 UTC";

        assertThat(degraded.statusCode()).isEqualTo(200);
        assertThat(health.get("status").asText()).isEqualTo("DEGRADED");
        assertThat(health.at("/components/partners/status").asText()).isEqualTo("DEGRADED");
        assertThat(health.at("/components/partners/details/RU-LIAISON/lastError")
                        .asText())
                .isEqualTo("PARTNER_UNAVAILABLE: " + cause);
        assertThat(health.at("/components/partners/details/CN-LIAISON/circuit").asText())
                .isEqualTo("CLOSED");
        assertThat(health.at("/components/outbox/details/RU-LIAISON/shares").asInt())
                .isEqualTo(1);
        assertThat(GatewayClient.anonymous(port)
                        .get("/actuator/health/readiness")
                        .statusCode())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT last_error FROM share WHERE id = ?", String.class, share))
                .isEqualTo(cause);
        assertThat(jdbc.queryForList(
                        "SELECT detail FROM audit_event WHERE step = 'DELIVER' AND outcome = 'RETRY' AND exchange_id = ?"
                                + " ORDER BY id DESC",
                        String.class,
                        incident.header().exchangeId()))
                .first()
                .asString()
                .contains(cause);
        assertThat(deliveryFailuresLogged(share)).isNotEmpty().allSatisfy(mdc -> assertThat(mdc)
                .containsEntry("exchangeId", incident.header().exchangeId().toString())
                .containsEntry("shareId", share.toString())
                .containsEntry("partner", "RU-LIAISON")
                .containsEntry("step", "outbox.deliver")
                .doesNotContainKey("agency"));

        RU_LIAISON.answer(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject("SELECT state FROM share WHERE id = ?", String.class, share)
                        .equals("DELIVERED"));
        await().atMost(Duration.ofSeconds(10)).until(() -> health(agency("admin-1"), "/actuator/health")
                .get("status")
                .asText()
                .equals("UP"));
    }

    /** A refused submission is logged with the exchange id it claimed and the step that refused it. */
    @Test
    void aRefusalIsLoggedWithTheExchangeIdItClaimed() {
        Exchange revoked = fresh(Samples.seizureReportFromCustoms());
        assertThat(agency("mn-customs")
                        .submit(protect(revoked, "mn-customs-revoked"))
                        .statusCode())
                .isEqualTo(403);

        assertThat(logged.list)
                .filteredOn(event -> event.getFormattedMessage().contains("refused with CERT_REVOKED"))
                .singleElement()
                .satisfies(event -> assertThat(event.getMDCPropertyMap())
                        .containsEntry(
                                "exchangeId", revoked.header().exchangeId().toString())
                        .containsEntry("step", "outbound.accept")
                        .doesNotContainKey("shareId"));
    }

    private List<Map<String, String>> deliveryFailuresLogged(UUID share) {
        return logged.list.stream()
                .filter(event -> event.getFormattedMessage().startsWith("delivery of share " + share))
                .map(ILoggingEvent::getMDCPropertyMap)
                .toList();
    }

    private static JsonNode health(GatewayClient client, String path) throws Exception {
        return JSON.readTree(client.get(path).body());
    }

    private static Logger gatewayLogger() {
        return (Logger) LoggerFactory.getLogger("io.borderlink");
    }
}
