package io.borderlink.gateway.operations;

import io.borderlink.gateway.audit.AuditProgress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code audit}: the chain's length, the sequencer's lag (events waiting to be chained, and for how long),
 * the age of the last checkpoint and of the last time-stamp anchor. DEGRADED, with the reasons, when the
 * sequencer has stopped, entries stay unsigned, or anchoring has failed for longer than the warnings in
 * {@link OperationsSettings}.
 */
@Component
class AuditHealthIndicator implements HealthIndicator {

    private final ChainReadings chain;
    private final OperationsSettings settings;

    AuditHealthIndicator(ChainReadings chain, OperationsSettings settings) {
        this.chain = chain;
        this.settings = settings;
    }

    @Override
    public Health health() {
        AuditProgress.Snapshot now = chain.current();
        double lag = chain.age(now.oldestPending());
        double checkpointAge = chain.age(now.checkpointAt());
        double anchorAge = chain.age(now.anchoredAt());
        List<String> problems = new ArrayList<>();
        if (lag > settings.auditLagWarning().toSeconds()) {
            problems.add("events have waited " + Math.round(lag) + " s to be chained: the sequencer has stopped"
                    + " (see the log for a damaged chain)");
        }
        if (now.length() > now.checkpointSeq()
                && checkpointAge > settings.checkpointWarning().toSeconds()) {
            problems.add((now.length() - now.checkpointSeq()) + " entries unsigned for over "
                    + settings.checkpointWarning());
        }
        if (now.anchoring()
                && now.checkpointAt() != null
                && anchorAge > settings.anchorWarning().toSeconds()) {
            problems.add("no time-stamp anchor for over " + settings.anchorWarning());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("chainLength", now.length());
        details.put("pending", now.pending());
        details.put("oldestPendingSeconds", Math.round(lag));
        details.put("checkpoint", now.checkpointSeq());
        if (now.checkpointAt() != null) {
            details.put("checkpointAt", now.checkpointAt().toString());
        }
        details.put("anchoring", now.anchoring());
        if (now.anchoredAt() != null) {
            details.put("anchoredAt", now.anchoredAt().toString());
        }
        if (!problems.isEmpty()) {
            details.put("problems", problems);
        }
        return (problems.isEmpty() ? Health.up() : Health.status(Degraded.STATUS))
                .withDetails(details)
                .build();
    }
}
