package io.borderlink.gateway.operations;

import io.borderlink.gateway.operations.Backlog.Waiting;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code approvals}: per recipient, the shares held for officers and since when the oldest waits. DEGRADED
 * when it has waited longer than {@code borderlink.operations.approval-warning}, before it expires unseen.
 */
@Component
class ApprovalsHealthIndicator implements HealthIndicator {

    private final Backlog backlog;
    private final OperationsSettings settings;

    ApprovalsHealthIndicator(Backlog backlog, OperationsSettings settings) {
        this.backlog = backlog;
        this.settings = settings;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        Status status = Status.UP;
        for (Map.Entry<String, Waiting> entry : backlog.byRecipient().entrySet()) {
            Waiting waiting = entry.getValue();
            if (waiting.held() == 0) {
                continue;
            }
            double oldest = backlog.ageSeconds(waiting.oldestHeld());
            details.put(
                    entry.getKey(),
                    Map.of(
                            "waiting", waiting.held(),
                            "oldest", waiting.oldestHeld().toString(),
                            "oldestSeconds", Math.round(oldest)));
            if (oldest > settings.approvalWarning().toSeconds()) {
                status = Degraded.STATUS;
            }
        }
        return Health.status(status).withDetails(details).build();
    }
}
