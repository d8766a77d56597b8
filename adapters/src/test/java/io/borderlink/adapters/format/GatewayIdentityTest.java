package io.borderlink.adapters.format;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GatewayIdentityTest {

    /** What would fail every partner's schema, or name no country, stops the gateway at start with the setting. */
    @Test
    void refusesANameNoFormatCanCarryAndACountryThatIsNotAlpha3() {
        assertThatThrownBy(() -> new GatewayIdentity("borderlink", "MNG"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("borderlink.identity.id: borderlink is not an office id");
        assertThatThrownBy(() -> new GatewayIdentity("MN-" + "X".repeat(62), "MNG"))
                .hasMessageStartingWith("borderlink.identity.id");
        assertThatThrownBy(() -> new GatewayIdentity("MN-BORDERLINK", "MN"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("borderlink.identity.country: MN is not an ISO 3166-1 alpha-3 code");
    }
}
