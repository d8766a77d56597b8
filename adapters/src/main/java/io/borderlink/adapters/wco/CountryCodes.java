package io.borderlink.adapters.wco;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The WCO Data Model writes countries as ISO 3166-1 alpha-2, the canonical exchange as alpha-3
 * (FORMATS.md 5). The ISO list comes from the JDK; Kosovo, which ISO does not list, is {@code XK}
 * here and {@code RKS} (its ICAO code) in the canonical model.
 */
final class CountryCodes {

    private static final Map<String, String> ALPHA3 = new HashMap<>();
    private static final Map<String, String> ALPHA2 = new HashMap<>();

    static {
        for (String alpha2 : Locale.getISOCountries()) {
            String alpha3 = new Locale("", alpha2).getISO3Country();
            ALPHA3.put(alpha2, alpha3);
            ALPHA2.put(alpha3, alpha2);
        }
        ALPHA3.put("XK", "RKS");
        ALPHA2.put("RKS", "XK");
    }

    private CountryCodes() {}

    /** {@code MNG} → {@code MN}, or null for null; a code without an alpha-2 form cannot be written. */
    static String alpha2(String alpha3) {
        return alpha3 == null ? null : convert(ALPHA2, alpha3, "alpha-2");
    }

    /** {@code MN} → {@code MNG}, or null for null; an unknown code is refused. */
    static String alpha3(String alpha2) {
        return alpha2 == null ? null : convert(ALPHA3, alpha2, "alpha-3");
    }

    private static String convert(Map<String, String> table, String code, String form) {
        String converted = table.get(code);
        if (converted == null) {
            throw new GatewayException(
                    ErrorCode.SCHEMA_INVALID, "country code " + code + " has no ISO 3166-1 " + form + " form");
        }
        return converted;
    }
}
