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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.MethodMode;
import org.springframework.test.context.TestPropertySource;

/**
 * The in-memory hand-off from intake to delivery: a share released at acceptance is opened leased to the
 * accepting node and handed to a worker with its view, so that it is delivered without a claim and without a
 * sweep (there is none here within the test's time: the sweep runs hourly). A hand-off that waited past half its
 * lease renews it if the share is still this node's; a stopping node gives its queued hand-offs up; a hand-off
 * the workers' queue (one share here) has no room for gives its lease up at once.
 */
@TestPropertySource(
        properties = {
            "borderlink.delivery.sweep-interval=1h",
            "borderlink.delivery.lease=4s",
            "borderlink.delivery.queue-size=1"
        })
class HandOffIT extends GatewayTestSupport {

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
    void deliversAShareJustAcceptedWithoutASweep() {
        Exchange incident = submit();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> "DELIVERED".equals(share(incident).get("state")));
        assertThat(share(incident)).containsEntry("attempts", 1).containsEntry("lease_owner", null);
        assertThat(RU_LIAISON.receivedFor(incident.header().correlationId())).hasSize(1);
    }

    /** While it waits for a worker the share is this node's: no sweep lists it; a worker later renews the lease. */
    @Test
    void opensAReleasedShareLeasedToTheAcceptingNodeAndRenewsTheLeaseOfALateHandOff() throws Exception {
        camel.getRouteController().stopRoute(WORKERS);
        Exchange incident = submit();

        Map<String, Object> opened = share(incident);
        assertThat(opened).containsEntry("state", "PENDING").containsEntry("lease_owner", node.id());
        OffsetDateTime leasedUntil = (OffsetDateTime) opened.get("lease_until");
        assertThat(leasedUntil).isAfter(OffsetDateTime.now());
        assertThat(deliveries.due()).doesNotContain((UUID) opened.get("id"));

        await().atMost(Duration.ofSeconds(10)).until(() -> OffsetDateTime.now().isAfter(leasedUntil));
        camel.getRouteController().startRoute(WORKERS);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> "DELIVERED".equals(share(incident).get("state")));
        assertThat(share(incident)).containsEntry("attempts", 1);
        assertThat(RU_LIAISON.receivedFor(incident.header().correlationId())).hasSize(1);
    }

    /** A stopping node gives its leases up and takes no more work: its queued hand-offs are left to the other nodes. */
    @Test
    @DirtiesContext(methodMode = MethodMode.AFTER_METHOD)
    void aStoppingNodeLeavesTheSharesItWasHandedToTheOtherNodes() throws Exception {
        camel.getRouteController().stopRoute(WORKERS);
        Exchange incident = submit();

        deliveries.drain();
        camel.getRouteController().startRoute(WORKERS);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> {
            Map<String, Object> share = share(incident);
            return "PENDING".equals(share.get("state"))
                    && share.get("lease_owner") == null
                    && ((Number) share.get("attempts")).intValue() == 0;
        });
        assertThat(RU_LIAISON.receivedFor(incident.header().correlationId())).isEmpty();
    }

    /** The second share finds the queue full: due at once for the next sweep of any node, not after its lease. */
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
                "SELECT id, state, attempts, lease_owner, lease_until, next_attempt_at FROM share WHERE exchange_id = ?"
                        + " AND recipient_id = 'RU-LIAISON'",
                incident.header().exchangeId());
    }
}
