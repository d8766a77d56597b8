package io.borderlink.gateway.operations;

import io.borderlink.gateway.delivery.CircuitStatus;
import io.borderlink.gateway.delivery.Circuits;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code partners}: every recipient's circuit on this node, when it last took a delivery and the last
 * failure with its precise cause. DEGRADED while any circuit is open or probing; a partner outage never
 * makes the gateway DOWN, nor unready.
 */
@Component
class PartnersHealthIndicator implements HealthIndicator {

    private final Circuits circuits;
    private final Backlog backlog;

    PartnersHealthIndicator(Circuits circuits, Backlog backlog) {
        this.circuits = circuits;
        this.backlog = backlog;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        backlog.byRecipient().keySet().forEach(id -> details.put(id, Map.of("circuit", "CLOSED")));
        Status status = Status.UP;
        for (CircuitStatus circuit : circuits.statuses()) {
            Map<String, Object> recipient = new LinkedHashMap<>();
            recipient.put("circuit", circuit.state());
            put(recipient, "lastSuccess", circuit.lastSuccess());
            put(recipient, "lastFailure", circuit.lastFailure());
            if (circuit.lastError() != null) {
                recipient.put("lastError", circuit.lastError());
            }
            details.put(circuit.recipient(), recipient);
            if (!"CLOSED".equals(circuit.state())) {
                status = Degraded.STATUS;
            }
        }
        return Health.status(status).withDetails(details).build();
    }

    private static void put(Map<String, Object> details, String key, Instant at) {
        if (at != null) {
            details.put(key, at.toString());
        }
    }
}
