package io.borderlink.gateway.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A database reading reused for a while: however often probes, scrapes and page views ask, the database is
 * asked at most once per period. A failed read is not kept; the next call reads again.
 */
final class Reading<T> {

    private final Supplier<T> read;
    private final Duration validFor;
    private final Clock clock;
    private T value;
    private Instant readAt;

    Reading(Supplier<T> read, Duration validFor, Clock clock) {
        this.read = read;
        this.validFor = validFor;
        this.clock = clock;
    }

    synchronized T get() {
        Instant now = clock.instant();
        if (value == null || !now.isBefore(readAt.plus(validFor))) {
            value = read.get();
            readAt = now;
        }
        return value;
    }

    /** For gauges, which must not fail: the last good reading, or null before the first one. */
    synchronized T latest() {
        try {
            return get();
        } catch (RuntimeException e) {
            return value;
        }
    }
}
