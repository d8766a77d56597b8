package io.borderlink.adapters.format;

import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who this gateway is to its partners ({@code borderlink.identity}).
 *
 * @param id how the partners know it: {@code From} of what it sends (in every format, the INTERPOL notice's
 *     envelope included) and the {@code To} what it receives must carry
 * @param country the ISO 3166-1 alpha-3 code that releasable-to lists name its country by: a peer's
 *     canonical exchange, which has no {@code To}, is addressed to us by releasing it to this country
 */
@ConfigurationProperties("borderlink.identity")
public record GatewayIdentity(String id, String country) {

    private static final Pattern ID = Pattern.compile("[A-Z]{2}-[A-Z0-9]+(-[A-Z0-9]+)*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{3}");

    public GatewayIdentity {
        Objects.requireNonNull(id, "borderlink.identity.id");
        Objects.requireNonNull(country, "borderlink.identity.country");
        // What the liaison schema, the strictest of the formats, allows as an office: every format can carry it.
        if (id.length() > 64 || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "borderlink.identity.id: " + id
                            + " is not an office id (a country's two letters, then '-' and capitals or digits, e.g. MN-BORDERLINK)");
        }
        if (!COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException(
                    "borderlink.identity.country: " + country + " is not an ISO 3166-1 alpha-3 code");
        }
    }
}
