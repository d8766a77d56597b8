package io.borderlink.gateway.console;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the console shows times.
 *
 * @param timeZone the zone people at the console read times in (e.g. {@code Asia/Ulaanbaatar}); the
 *     server's own zone when unset. Stored instants stay UTC; the exact instant shows on hover.
 */
@ConfigurationProperties("borderlink.display")
record DisplaySettings(ZoneId timeZone) {

    ZoneId zone() {
        return timeZone == null ? ZoneId.systemDefault() : timeZone;
    }
}
