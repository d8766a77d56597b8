package io.borderlink.adapters.format;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ISO 3166-1 alpha-2 to the canonical three-letter nationality code and back (docs/partner-formats.md, countries).
 *
 * <p>The 249 ISO countries come from the JDK ({@link Locale#getISOCountries()}). Kosovo, which
 * INTERPOL writes {@code XK} (a user-assigned code the JDK does not know), maps to {@code RKS}:
 * canonical nationalities are ICAO 9303 codes (exchange-v1.xsd, IcaoCountry) and ICAO lists Kosovo
 * as RKS; {@code XKX}, used by some other registries, is read back to {@code XK} as well. Germany's
 * ICAO code {@code D<<} reads back to {@code DE}. The other ICAO-only codes (XXA stateless, UNO, EUE,
 * ...) have no alpha-2 form.
 */
public final class Countries {

    private static final Map<String, String> ALPHA3 = new HashMap<>();
    private static final Map<String, String> ALPHA2 = new HashMap<>();
    private static final List<String> ALPHA2_CODES;

    static {
        for (String alpha2 : Locale.getISOCountries()) {
            String alpha3 = new Locale("", alpha2).getISO3Country();
            ALPHA3.put(alpha2, alpha3);
            ALPHA2.put(alpha3, alpha2);
        }
        ALPHA3.put("XK", "RKS");
        ALPHA2.put("RKS", "XK");
        ALPHA2.put("XKX", "XK");
        ALPHA2.put("D<<", "DE");
        ALPHA2_CODES = ALPHA3.keySet().stream().sorted().toList();
    }

    private Countries() {}

    /** {@code MN} → {@code MNG}, {@code XK} → {@code RKS}; case and surrounding blanks do not matter. */
    public static Optional<String> alpha3(String alpha2) {
        return alpha2 == null ? Optional.empty() : Optional.ofNullable(ALPHA3.get(normalised(alpha2)));
    }

    /** {@code MNG} → {@code MN}; also the ICAO codes {@code RKS}, {@code XKX} and {@code D<<}. */
    public static Optional<String> alpha2(String alpha3) {
        return alpha3 == null ? Optional.empty() : Optional.ofNullable(ALPHA2.get(normalised(alpha3)));
    }

    /** Every alpha-2 code known here, sorted: the nationality values a notice query can be split by. */
    public static List<String> alpha2Codes() {
        return ALPHA2_CODES;
    }

    /** The English short name, e.g. {@code Mongolia}; the code itself when the JDK has no name for it. */
    public static String englishName(String alpha2) {
        String code = normalised(alpha2);
        return ALPHA3.containsKey(code) ? new Locale("", code).getDisplayCountry(Locale.ENGLISH) : code;
    }

    private static String normalised(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }
}
