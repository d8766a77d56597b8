package io.borderlink.contracts.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartialDateTest {

    @Test
    void readsYearOnly() {
        assertThat(PartialDate.parse("1979")).isEqualTo(new PartialDate(1979, null, null));
    }

    @Test
    void readsYearAndMonth() {
        assertThat(PartialDate.parse("1991-05")).isEqualTo(new PartialDate(1991, 5, null));
    }

    @Test
    void readsFullDate() {
        assertThat(PartialDate.parse("2008-02-29")).isEqualTo(new PartialDate(2008, 2, 29));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1979", "1991-05", "1986-07-14", "0999-01-01"})
    void writesTheFormItWasReadFrom(String text) {
        assertThat(PartialDate.parse(text)).hasToString(text);
    }

    @Test
    void generalisesToTheYear() {
        assertThat(PartialDate.parse("1986-07-14").yearOnly()).hasToString("1986");
    }

    @ParameterizedTest
    @ValueSource(strings = {"86", "1986-7", "1986/07/14", "1986-13", "1986-02-29", "0000", "1986-07-14Z", "", " 1986"})
    void refusesWhatIsNotAPartialDate(String text) {
        assertThatThrownBy(() -> PartialDate.parse(text))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_INVALID));
    }

    @Test
    void refusesADayWithoutAMonth() {
        assertThatThrownBy(() -> new PartialDate(1986, null, 14)).isInstanceOf(GatewayException.class);
    }
}
