package io.borderlink.adapters.format;

import static io.borderlink.contracts.xml.Dom.appendText;
import static io.borderlink.contracts.xml.Dom.optionalText;
import static io.borderlink.contracts.xml.Dom.token;
import static io.borderlink.contracts.xml.Dom.value;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Classification;
import io.borderlink.contracts.exchange.HandlingCode;
import io.borderlink.contracts.exchange.Markings;
import io.borderlink.contracts.exchange.SourceReliability;
import io.borderlink.contracts.exchange.Tlp;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The security marking the liaison and WCO formats share (Level, Tlp, Handling, Conditions, Evaluation):
 * the partner's own level names, {@code TLP:} labels and the evaluation as one token such as {@code B2}.
 */
public final class SecurityMarkings {

    private SecurityMarkings() {}

    public static void write(Element marking, Markings markings) {
        appendText(marking, "Level", level(markings.classification()));
        appendText(marking, "Tlp", "TLP:" + markings.tlp().label());
        appendText(marking, "Handling", markings.handlingCode().name());
        appendText(marking, "Conditions", markings.handlingConditions());
        appendText(marking, "Evaluation", markings.sourceReliability().name() + markings.informationAccuracy());
    }

    /** @param format the partner format, to name it in a refusal */
    public static Markings read(Element marking, String format) {
        String level = token(marking, "Level");
        String evaluation = token(marking, "Evaluation");
        return new Markings(
                classification(level, format),
                value(marking, "Tlp", s -> Tlp.fromLabel(s.substring("TLP:".length()))),
                List.of(),
                value(marking, "Handling", HandlingCode::valueOf),
                optionalText(marking, "Conditions"),
                SourceReliability.valueOf(evaluation.substring(0, 1)),
                Integer.parseInt(evaluation.substring(1)),
                level);
    }

    private static String level(Classification classification) {
        return switch (classification) {
            case UNCLASSIFIED -> "FOR_OFFICIAL_USE";
            case RESTRICTED -> "RESTRICTED";
            case CONFIDENTIAL -> "CONFIDENTIAL";
            case SECRET -> "SECRET";
        };
    }

    private static Classification classification(String level, String format) {
        return switch (level) {
            case "NO_MARKING", "FOR_OFFICIAL_USE" -> Classification.UNCLASSIFIED;
            case "RESTRICTED" -> Classification.RESTRICTED;
            case "CONFIDENTIAL" -> Classification.CONFIDENTIAL;
            case "SECRET" -> Classification.SECRET;
            default -> throw new GatewayException(ErrorCode.SCHEMA_INVALID, "unknown " + format + " level " + level);
        };
    }
}
