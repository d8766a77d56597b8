package io.borderlink.gateway.operations;

import io.borderlink.gateway.operations.Backlog.Waiting;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code outbox}: per recipient, the shares waiting for delivery, how many are due now and how long the
 * oldest due one has waited for its attempt. DEGRADED when that exceeds
 * {@code borderlink.operations.outbox-due-warning}: the recipient keeps failing, or the workers cannot
 * keep up.
 */
@Component
class OutboxHealthIndicator implements HealthIndicator {

    private final Backlog backlog;
    private final OperationsSettings settings;

    OutboxHealthIndicator(Backlog backlog, OperationsSettings settings) {
        this.backlog = backlog;
        this.settings = settings;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        Status status = Status.UP;
        for (Map.Entry<String, Waiting> entry : backlog.byRecipient().entrySet()) {
            Waiting waiting = entry.getValue();
            double oldestDue = backlog.ageSeconds(waiting.oldestDue());
            details.put(
                    entry.getKey(),
                    Map.of(
                            "shares", waiting.pending(),
                            "due", waiting.due(),
                            "oldestDueSeconds", Math.round(oldestDue),
                            "oldestSeconds", Math.round(backlog.ageSeconds(waiting.oldestPending()))));
            if (oldestDue > settings.outboxDueWarning().toSeconds()) {
                status = Degraded.STATUS;
            }
        }
        return Health.status(status).withDetails(details).build();
    }
}
