package io.borderlink.gateway.audit;

import io.borderlink.contracts.error.ErrorCode;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The trail's one way of recording refusals. Floods of identical ones (the same step, caller, code and
 * detail: a script resending one bad document, or hammering an endpoint it may not use, or a client
 * retrying a handshake with a certificate nobody trusts) would drown the trail in copies. The first of a
 * kind is audited as it comes; the identical ones after it within the window are counted, and one
 * {@code REFUSALS_AGGREGATED} event of the same step carries their count, the first and last time and the
 * refusal they repeat. The count is flushed on a timer and when the node stops, so none is lost short of a
 * crash.
 */
@Component("refusalFloods")
public class RefusalFloods {

    /** What makes two refusals the same. */
    record Kind(AuditStep step, String actor, String fingerprint, String code, String detail) {

        static Kind of(AuditEvent refusal) {
            return new Kind(
                    refusal.step(), refusal.actor(), refusal.actorCertificate(), refusal.code(), refusal.detail());
        }
    }

    private static final class Tally {
        private final Instant first;
        private Instant firstRepeat;
        private Instant last;
        private int repeats;

        Tally(Instant first) {
            this.first = first;
            this.last = first;
        }
    }

    private final Map<Kind, Tally> tallies = new ConcurrentHashMap<>();
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration window;

    @Autowired
    RefusalFloods(AuditTrail audit, Clock clock, AuditSettings settings) {
        this(audit, clock, settings.refusalWindow());
    }

    RefusalFloods(AuditTrail audit, Clock clock, Duration window) {
        this.audit = audit;
        this.clock = clock;
        this.window = window;
    }

    /** Audits a refusal, unless it repeats one audited within the window: then it is counted for the aggregate. */
    public void record(AuditEvent refusal) {
        if (admit(Kind.of(refusal))) {
            audit.record(refusal);
        }
    }

    /** Whether this refusal is to be audited now; false when it repeats one audited within the window. */
    boolean admit(Kind kind) {
        Instant now = clock.instant();
        boolean[] first = {false};
        tallies.compute(kind, (k, tally) -> {
            if (tally == null || tally.first.plus(window).isBefore(now) && tally.repeats == 0) {
                first[0] = true;
                return new Tally(now);
            }
            if (tally.repeats == 0) {
                tally.firstRepeat = now;
            }
            tally.repeats++;
            tally.last = now;
            return tally;
        });
        return first[0];
    }

    /** Audits the counts of every window that has closed; called on a timer (route audit.refusal-floods). */
    public void flush() {
        flush(clock.instant().minus(window));
    }

    @PreDestroy
    void flushAll() {
        flush(Instant.MAX);
    }

    private void flush(Instant closedBefore) {
        for (Kind kind : tallies.keySet()) {
            tallies.computeIfPresent(kind, (k, tally) -> {
                if (!tally.first.isBefore(closedBefore) && closedBefore != Instant.MAX) {
                    return tally;
                }
                if (tally.repeats > 0) {
                    AuditEvent event = AuditEvent.rejected(
                                    k.step(),
                                    null,
                                    ErrorCode.REFUSALS_AGGREGATED,
                                    tally.repeats + " more " + k.code() + " between " + tally.firstRepeat + " and "
                                            + tally.last + ", identical to the one audited at " + tally.first
                                            + ": " + k.detail())
                            .actor(k.actor(), k.fingerprint());
                    audit.record(event);
                }
                return null;
            });
        }
    }
}
