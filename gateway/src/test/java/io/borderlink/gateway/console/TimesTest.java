package io.borderlink.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Times on the console read as people read them: local time to the second, and how long ago or how soon. */
class TimesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T01:14:05.123456Z");
    private final Times times =
            new Times(new DisplaySettings(ZoneId.of("Asia/Ulaanbaatar")), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void showsTheLocalTimeToTheSecondInTheConfiguredZone() {
        assertThat(times.local(NOW)).isEqualTo("27 Nov 2026, 09:14:05 ULAT");
        assertThat(times.local((Instant) null)).isEmpty();
    }

    @Test
    void saysHowLongAgoOrHowSoon() {
        assertThat(times.age(NOW.minusSeconds(2))).isEqualTo("just now");
        assertThat(times.age(NOW.minusSeconds(42))).isEqualTo("42 s ago");
        assertThat(times.age(NOW.minus(Duration.ofMinutes(3)))).isEqualTo("3 min ago");
        assertThat(times.age(NOW.minus(Duration.ofMinutes(125)))).isEqualTo("2 h 5 min ago");
        assertThat(times.age(NOW.minus(Duration.ofHours(76)))).isEqualTo("3 d 4 h ago");
        assertThat(times.age(NOW.plus(Duration.ofHours(51)))).isEqualTo("in 2 d 3 h");
    }
}
