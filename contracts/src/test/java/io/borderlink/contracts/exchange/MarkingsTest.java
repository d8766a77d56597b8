package io.borderlink.contracts.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import org.junit.jupiter.api.Test;

class MarkingsTest {

    @Test
    void classificationsCompareBySensitivity() {
        assertThat(Classification.UNCLASSIFIED).isLessThan(Classification.RESTRICTED);
        assertThat(Classification.RESTRICTED).isLessThan(Classification.CONFIDENTIAL);
        assertThat(Classification.CONFIDENTIAL).isLessThan(Classification.SECRET);
    }

    @Test
    void tlpLabelsAreTheWireForm() {
        assertThat(Tlp.AMBER_STRICT.label()).isEqualTo("AMBER+STRICT");
        assertThat(Tlp.fromLabel("AMBER+STRICT")).isEqualTo(Tlp.AMBER_STRICT);
        assertThat(Tlp.fromLabel("CLEAR")).isEqualTo(Tlp.CLEAR);
    }

    @Test
    void refusesTheRetiredWhiteLabel() {
        assertThatThrownBy(() -> Tlp.fromLabel("WHITE"))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_INVALID));
    }

    @Test
    void refusesH3WithoutConditions() {
        assertThatThrownBy(() -> markings(HandlingCode.H3, " "))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_INVALID));
    }

    @Test
    void acceptsH3WithConditions() {
        assertThat(markings(HandlingCode.H3, "Not for use in court.").handlingConditions())
                .isEqualTo("Not for use in court.");
    }

    @Test
    void releasableToIsNeverNull() {
        assertThat(markings(HandlingCode.H0, null).releasableTo()).isEmpty();
    }

    private static Markings markings(HandlingCode code, String conditions) {
        return new Markings(Classification.RESTRICTED, Tlp.AMBER, null, code, conditions, SourceReliability.B, 2, null);
    }
}
