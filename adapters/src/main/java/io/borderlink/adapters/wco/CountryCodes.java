package io.borderlink.adapters.wco;

import io.borderlink.adapters.format.Countries;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The WCO Data Model writes countries as ISO 3166-1 alpha-2, the canonical exchange as alpha-3
 * (docs/partner-formats.md, countries); {@link Countries} converts, and here a code without the other form is refused rather
 * than left out.
 */
final class CountryCodes {

    private CountryCodes() {}

    /** {@code MNG} → {@code MN}, or null for null; a code without an alpha-2 form cannot be written. */
    static String alpha2(String alpha3) {
        return convert(alpha3, Countries::alpha2, "alpha-2");
    }

    /** {@code MN} → {@code MNG}, or null for null; an unknown code is refused. */
    static String alpha3(String alpha2) {
        return convert(alpha2, Countries::alpha3, "alpha-3");
    }

    private static String convert(String code, Function<String, Optional<String>> conversion, String form) {
        if (code == null) {
            return null;
        }
        return conversion
                .apply(code)
                .orElseThrow(() -> new GatewayException(
                        ErrorCode.SCHEMA_INVALID, "country code " + code + " has no ISO 3166-1 " + form + " form"));
    }
}
