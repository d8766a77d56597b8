package io.borderlink.contracts.exchange;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.util.List;
import java.util.Objects;

/**
 * Security markings. An empty {@code releasableTo} means not releasable abroad; {@code
 * foreignMarking} is a partner's own label kept verbatim.
 */
public record Markings(
        Classification classification,
        Tlp tlp,
        List<String> releasableTo,
        HandlingCode handlingCode,
        String handlingConditions,
        SourceReliability sourceReliability,
        int informationAccuracy,
        String foreignMarking) {

    public Markings {
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(tlp, "tlp");
        releasableTo = Lists.copy(releasableTo);
        Objects.requireNonNull(handlingCode, "handlingCode");
        Objects.requireNonNull(sourceReliability, "sourceReliability");
        // XSD 1.0 cannot make HandlingConditions depend on HandlingCode, so the model enforces it.
        if (handlingCode == HandlingCode.H3 && (handlingConditions == null || handlingConditions.isBlank())) {
            throw new GatewayException(ErrorCode.SCHEMA_INVALID, "handling code H3 requires handling conditions");
        }
        if (informationAccuracy < 1 || informationAccuracy > 4) {
            throw new GatewayException(
                    ErrorCode.SCHEMA_INVALID, "information accuracy must be 1 to 4, not " + informationAccuracy);
        }
    }

    /** The same markings at another classification. */
    public Markings withClassification(Classification other) {
        return new Markings(
                other,
                tlp,
                releasableTo,
                handlingCode,
                handlingConditions,
                sourceReliability,
                informationAccuracy,
                foreignMarking);
    }

    /** The same markings, releasable to these codes instead. */
    public Markings withReleasableTo(List<String> codes) {
        return new Markings(
                classification,
                tlp,
                codes,
                handlingCode,
                handlingConditions,
                sourceReliability,
                informationAccuracy,
                foreignMarking);
    }
}
