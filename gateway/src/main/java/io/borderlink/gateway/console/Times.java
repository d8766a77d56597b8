package io.borderlink.gateway.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Times as people read them on the console ({@code ${@times.local(x)}}, {@code ${@times.age(x)}}): local time
 * to the second in the configured zone, and how long ago or how soon, rather than microsecond UTC instants.
 */
@Component("times")
public class Times {

    private final DateTimeFormatter local;
    private final Clock clock;

    Times(DisplaySettings settings, Clock clock) {
        this.local = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss zzz", Locale.ENGLISH)
                .withZone(settings.zone());
        this.clock = clock;
    }

    public String local(Instant instant) {
        return instant == null ? "" : local.format(instant);
    }

    public String local(OffsetDateTime time) {
        return local(time == null ? null : time.toInstant());
    }

    public String age(OffsetDateTime time) {
        return age(time == null ? null : time.toInstant());
    }

    /** "just now", "42 s ago", "3 min ago", "2 h 5 min ago", "3 d 4 h ago"; "in 2 d 3 h" for the future. */
    public String age(Instant instant) {
        if (instant == null) {
            return "";
        }
        Duration between = Duration.between(instant, clock.instant());
        boolean future = between.isNegative();
        Duration length = between.abs();
        if (length.toSeconds() < 5) {
            return "just now";
        }
        String amount = amount(length);
        return future ? "in " + amount : amount + " ago";
    }

    static String amount(Duration length) {
        long seconds = length.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return length.toMinutes() + " min";
        }
        if (seconds < 86400) {
            long minutes = length.toMinutesPart();
            return length.toHours() + " h" + (minutes == 0 ? "" : " " + minutes + " min");
        }
        long hours = length.toHoursPart();
        return length.toDays() + " d" + (hours == 0 ? "" : " " + hours + " h");
    }
}
