package io.borderlink.gateway.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** What auditors see of retention, on the console and over REST: rules, purges to come, purges done, holds. */
@Component
public class RetentionOverview {

    /** How many upcoming and recent purges are listed at most. */
    static final int LISTED = 200;

    private final RetentionSchedule schedule;
    private final RetentionSettings settings;
    private final Purges purges;
    private final LegalHolds holds;
    private final Clock clock;

    RetentionOverview(
            RetentionSchedule schedule, RetentionSettings settings, Purges purges, LegalHolds holds, Clock clock) {
        this.schedule = schedule;
        this.settings = settings;
        this.purges = purges;
        this.holds = holds;
        this.clock = clock;
    }

    /**
     * @param upcoming the exchanges whose rule lets them go by {@code until}, held and unsettled ones included
     *     (and marked)
     */
    public record Overview(
            Instant now,
            Instant until,
            List<RetentionSettings.Rule> rules,
            List<RetentionSchedule.Due> upcoming,
            List<Purges.Purge> purged,
            List<LegalHolds.Hold> holds) {}

    public Overview now() {
        Instant now = clock.instant();
        Instant until = now.plus(settings.upcoming());
        return new Overview(
                now, until, settings.rules(), schedule.dueBy(until, LISTED), purges.recent(LISTED), holds.active());
    }
}
