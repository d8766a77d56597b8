package io.borderlink.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.crypto.Certificates;
import io.borderlink.gateway.support.GatewayClient;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.testkit.DevPki;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A script hammering an endpoint it may not use is refused every time, and leaves the first refusal and
 * one event with the count of the others. The window is long, so the counts are written when this test
 * flushes them (as the node does on its timer and when it stops), never half-way through the burst.
 */
@TestPropertySource(properties = "borderlink.audit.refusal-window=1h")
class RefusalFloodsIT extends GatewayTestSupport {

    private static final int REQUESTS = 25;

    @Autowired
    RefusalFloods floods;

    /** An officer's script reads the auditors' trail 25 times: 25 × 403, one ACCESS refusal and a count of 24. */
    @Test
    void identicalAccessRefusalsLeaveOneEventAndTheCountOfTheRest() {
        String officer = Certificates.fingerprint(DevPki.certificate("officer-1"));
        GatewayClient script = agency("officer-1");

        for (int i = 0; i < REQUESTS; i++) {
            assertThat(script.get("/api/v1/audit/events").statusCode()).isEqualTo(403);
        }
        floods.flushAll();

        List<Map<String, Object>> events = jdbc.queryForList(
                "SELECT code, outcome, detail FROM audit_event WHERE step = 'ACCESS' AND actor_certificate = ?"
                        + " ORDER BY id",
                officer);
        assertThat(events).hasSize(2);
        assertThat(events.get(0))
                .containsEntry("code", "ACCESS_DENIED")
                .containsEntry("outcome", "REJECTED")
                .hasEntrySatisfying(
                        "detail", detail -> assertThat((String) detail).startsWith("GET /api/v1/audit/events: "));
        assertThat(events.get(1))
                .containsEntry("code", "REFUSALS_AGGREGATED")
                .hasEntrySatisfying("detail", detail -> assertThat((String) detail)
                        .startsWith((REQUESTS - 1) + " more ACCESS_DENIED between ")
                        .contains("GET /api/v1/audit/events: "));
    }
}
