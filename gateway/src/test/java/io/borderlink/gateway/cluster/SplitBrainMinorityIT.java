package io.borderlink.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.gateway.support.GatewayClient;
import io.borderlink.gateway.support.GatewayTestSupport;
import java.time.Duration;
import java.util.UUID;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.support.service.ServiceSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A node that sees fewer cluster members than {@code borderlink.cluster.minimum-members} — alone here, as
 * on the minority side of a split brain — cannot count partner rates, so it holds what it would otherwise
 * release against a count of its own; an officer can still release them. Nor does it lead anything (the
 * INTERPOL poller, say), so only the majority side works for the cluster.
 */
@TestPropertySource(properties = {"borderlink.config.partners=config/partners", "borderlink.cluster.minimum-members=2"})
class SplitBrainMinorityIT extends GatewayTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private CamelClusterService clusterService;

    @Test
    void holdsRateLimitedSharesAndStillLetsAnOfficerReleaseThem() throws Exception {
        Exchange alert = fresh(Samples.vehicleAlertFromBorderPolice());
        assertThat(agency("mn-border").submit(protect(alert, "mn-border")).statusCode())
                .isEqualTo(202);

        UUID task = jdbc.queryForObject(
                "SELECT id FROM share WHERE exchange_id = ? AND recipient_id = 'CN-LIAISON'",
                UUID.class,
                alert.header().exchangeId());
        assertThat(jdbc.queryForMap("SELECT state, rule_id FROM share WHERE id = ?", task))
                .containsEntry("state", "HELD")
                .containsEntry("rule_id", "rate-limit");

        JsonNode details = JSON.readTree(
                agency("officer-2").get("/api/v1/approvals/" + task).body());
        String approval = "{\"viewDigest\":\"" + details.get("viewDigest").asText()
                + "\",\"reason\":\"Rate could not be counted during the partition; checked by hand.\"}";
        assertThat(agency("officer-2")
                        .postJson("/api/v1/approvals/" + task + "/approve", approval)
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        !CN_LIAISON.receivedFor(alert.header().correlationId()).isEmpty());
    }

    /** An orchestrator sees it: not ready (no new work routed to it), yet alive (no restart cures a partition). */
    @Test
    void reportsItselfNotReadyButAlive() {
        GatewayClient probe = GatewayClient.anonymous(port);

        System.err.println(
                "READINESS " + probe.get("/actuator/health/readiness").body() + " ADMIN "
                        + agency("admin-1").get("/actuator/health/readiness").body() + " ALL "
                        + agency("admin-1").get("/actuator/health").body());
        assertThat(probe.get("/actuator/health/readiness").statusCode()).isEqualTo(503);
        assertThat(probe.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(agency("admin-1").get("/actuator/health/cluster").body())
                .contains("\"status\":\"DOWN\"")
                .contains("\"minimumMembers\":2");
    }

    @Test
    void takesNoLeadership() throws Exception {
        CamelClusterView view = clusterService.getView("split-brain-minority");
        // Started: it tries to lead at every attempt interval, and must never succeed.
        assertThat(view).isInstanceOfSatisfying(ServiceSupport.class, started -> assertThat(started.isStarted())
                .isTrue());

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> !view.getLocalMember()
                .isLeader());
    }
}
