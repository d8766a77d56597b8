package io.borderlink.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.gateway.cluster.NodeIdentity;
import io.borderlink.gateway.support.GatewayTestSupport;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The workers' queue holds one share here, and the workers are stopped: the second share released at
 * acceptance finds no room, so it gives up the lease it was opened with and is due at once, for the next
 * sweep of any node, instead of waiting for that lease (an hour here) to run out.
 */
@TestPropertySource(
        properties = {
            "borderlink.delivery.sweep-interval=1h",
            "borderlink.delivery.lease=1h",
            "borderlink.delivery.queue-size=1"
        })
class HandOffQueueFullIT extends GatewayTestSupport {

    private static final String WORKERS = "outbox.deliver";

    @Autowired
    CamelContext camel;

    @Autowired
    Deliveries deliveries;

    @Autowired
    NodeIdentity node;

    @AfterEach
    void workersRun() throws Exception {
        camel.getRouteController().startRoute(WORKERS);
    }

    @Test
    void aShareTheFullQueueHasNoRoomForIsDueAtOnceForTheNextSweep() throws Exception {
        camel.getRouteController().stopRoute(WORKERS);

        Exchange queued = submit();
        Exchange refused = submit();

        Map<String, Object> waiting = share(queued);
        assertThat(waiting).containsEntry("state", "PENDING").containsEntry("lease_owner", node.id());
        Map<String, Object> left = share(refused);
        assertThat(left).containsEntry("state", "PENDING").containsEntry("lease_owner", null);
        assertThat((OffsetDateTime) left.get("next_attempt_at")).isBefore(OffsetDateTime.now());
        assertThat(deliveries.due()).contains((UUID) left.get("id")).doesNotContain((UUID) waiting.get("id"));

        camel.getRouteController().startRoute(WORKERS);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "DELIVERED".equals(share(queued).get("state")));
        assertThat(RU_LIAISON.receivedFor(refused.header().correlationId())).isEmpty();
    }

    private Exchange submit() {
        Exchange incident = fresh(Samples.borderIncidentFromBorderPolice());
        assertThat(agency("mn-border").submit(protect(incident, "mn-border")).statusCode())
                .isEqualTo(202);
        return incident;
    }

    private Map<String, Object> share(Exchange incident) {
        return jdbc.queryForMap(
                "SELECT id, state, lease_owner, next_attempt_at FROM share WHERE exchange_id = ?"
                        + " AND recipient_id = 'RU-LIAISON'",
                incident.header().exchangeId());
    }
}
