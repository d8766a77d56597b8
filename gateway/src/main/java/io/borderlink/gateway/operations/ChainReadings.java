package io.borderlink.gateway.operations;

import io.borderlink.gateway.audit.AuditProgress;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * The audit chain's progress ({@link AuditProgress}) read at most once per
 * {@code borderlink.operations.readings-for}, and as gauges: chain length, events waiting to be chained and
 * for how long, entries no checkpoint covers yet, the age of the last checkpoint and of the last anchor.
 */
@Component
public class ChainReadings {

    private final Reading<AuditProgress.Snapshot> reading;
    private final Clock clock;

    ChainReadings(AuditProgress progress, OperationsSettings settings, MeterRegistry meters, Clock clock) {
        this.reading = new Reading<>(progress::read, settings.readingsFor(), clock);
        this.clock = clock;
        gauge(meters, "borderlink.audit.chain.length", "entries chained so far", s -> s.length());
        gauge(meters, "borderlink.audit.pending.events", "events recorded but not chained yet", s -> s.pending());
        gauge(
                meters,
                "borderlink.audit.unsigned.entries",
                "chained entries no signed checkpoint covers yet",
                s -> s.length() - s.checkpointSeq());
        gauge(
                meters,
                "borderlink.audit.pending.oldest.seconds",
                "how long the oldest event has waited to be chained (the sequencer's lag)",
                s -> age(s.oldestPending()));
        gauge(
                meters,
                "borderlink.audit.checkpoint.age.seconds",
                "time since the newest signed checkpoint (NaN before the first)",
                s -> s.checkpointAt() == null ? Double.NaN : age(s.checkpointAt()));
        gauge(
                meters,
                "borderlink.audit.anchor.age.seconds",
                "time since the newest RFC 3161 anchor (NaN before the first, or without a TSA)",
                s -> s.anchoredAt() == null ? Double.NaN : age(s.anchoredAt()));
    }

    public AuditProgress.Snapshot current() {
        return reading.get();
    }

    /** Seconds since {@code at}; 0 for nothing. */
    double age(Instant at) {
        return at == null
                ? 0
                : Math.max(0, Duration.between(at, clock.instant()).toMillis() / 1000.0);
    }

    private void gauge(
            MeterRegistry meters, String name, String description, ToDoubleFunction<AuditProgress.Snapshot> value) {
        Gauge.builder(name, reading, r -> {
                    AuditProgress.Snapshot latest = r.latest();
                    return latest == null ? Double.NaN : value.applyAsDouble(latest);
                })
                .description(description)
                .register(meters);
    }
}
