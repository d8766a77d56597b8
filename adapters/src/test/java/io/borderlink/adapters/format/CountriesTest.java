package io.borderlink.adapters.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountriesTest {

    /** Every ISO 3166-1 country the JDK lists (249) → a three-letter code, and back to itself. */
    @Test
    void coversEveryIsoCountryBothWays() {
        String[] iso = Locale.getISOCountries();

        assertThat(iso).hasSizeGreaterThanOrEqualTo(249);
        for (String alpha2 : iso) {
            assertThat(Countries.alpha3(alpha2)).as(alpha2).hasValueSatisfying(a3 -> assertThat(a3)
                    .matches("[A-Z]{3}"));
            assertThat(Countries.alpha2(Countries.alpha3(alpha2).orElseThrow())).hasValue(alpha2);
        }
        assertThat(Countries.alpha2Codes()).hasSize(iso.length + 1).isSorted().contains("XK");
    }

    /** Alpha-2 codes of the region and the odd ones → canonical ICAO codes; Kosovo is RKS. */
    @ParameterizedTest
    @CsvSource({"MN, MNG", "RU, RUS", "CN, CHN", "KZ, KAZ", "KP, PRK", "DE, DEU", "XK, RKS", "' mn ', MNG"})
    void convertsAlpha2ToTheCanonicalCode(String alpha2, String alpha3) {
        assertThat(Countries.alpha3(alpha2)).hasValue(alpha3);
    }

    /** RKS and XKX → XK; Germany's ICAO D<< → DE; stateless XXA and the UN's UNO → no alpha-2. */
    @Test
    void readsIcaoCodesBackWhereAlpha2HasThem() {
        assertThat(Countries.alpha2("RKS")).hasValue("XK");
        assertThat(Countries.alpha2("XKX")).hasValue("XK");
        assertThat(Countries.alpha2("D<<")).hasValue("DE");
        assertThat(Countries.alpha2("XXA")).isEmpty();
        assertThat(Countries.alpha2("UNO")).isEmpty();
        assertThat(Countries.alpha3("ZZ")).isEmpty();
        assertThat(Countries.alpha3(null)).isEmpty();
    }

    /** Codes → English names for narratives; a code no table knows stays a code. */
    @Test
    void namesCountriesInEnglish() {
        assertThat(Countries.englishName("MN")).isEqualTo("Mongolia");
        assertThat(Countries.englishName("XK")).isEqualTo("Kosovo");
        assertThat(Countries.englishName("ZZ")).isEqualTo("ZZ");
    }
}
