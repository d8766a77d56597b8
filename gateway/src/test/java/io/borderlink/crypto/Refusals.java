package io.borderlink.crypto;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;

/** The refusals the crypto tests expect: a {@link GatewayException}, and its stable code. */
final class Refusals {

    private Refusals() {}

    static GatewayException refusal(Runnable action) {
        try {
            action.run();
        } catch (GatewayException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    static void assertRefused(Runnable action, ErrorCode code) {
        assertThatThrownBy(action::run)
                .isInstanceOf(GatewayException.class)
                .extracting(e -> ((GatewayException) e).code())
                .isEqualTo(code);
    }
}
