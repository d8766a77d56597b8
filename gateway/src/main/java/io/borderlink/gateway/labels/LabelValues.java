package io.borderlink.gateway.labels;

import io.borderlink.contracts.exchange.HandlingCode;
import io.borderlink.contracts.exchange.SourceReliability;
import io.borderlink.contracts.exchange.Tlp;
import io.borderlink.gateway.labels.LabelPolicy.MarkingField;
import java.util.regex.Pattern;

/**
 * The values of a category that stands for a canonical marking, in that marking's own words. H3 is not one:
 * its conditions are free text, which a label value cannot carry.
 */
final class LabelValues {

    private static final Pattern RELEASABILITY = Pattern.compile("[A-Z][A-Z0-9]{2,15}");
    private static final Pattern EVALUATION = Pattern.compile("[ABCX][1-4]");

    private LabelValues() {}

    /** Why a value cannot stand for the marking, or null when it can. */
    static String problem(MarkingField field, String value) {
        boolean fits =
                switch (field) {
                    case RELEASABLE_TO -> RELEASABILITY.matcher(value).matches();
                    case HANDLING_CODE -> value.matches("H[0-2]");
                    case TLP -> isTlp(value);
                    case SOURCE_EVALUATION -> EVALUATION.matcher(value).matches();
                    case NONE -> true;
                };
        return fits
                ? null
                : value + " is not a " + field + " value"
                        + (field == MarkingField.HANDLING_CODE
                                ? " (H0, H1 or H2: H3's conditions are free text, which a label cannot carry)"
                                : "");
    }

    static HandlingCode handlingCode(String value) {
        return HandlingCode.valueOf(value);
    }

    static SourceReliability reliability(String evaluation) {
        return SourceReliability.valueOf(evaluation.substring(0, 1));
    }

    static int accuracy(String evaluation) {
        return Integer.parseInt(evaluation.substring(1));
    }

    private static boolean isTlp(String value) {
        for (Tlp tlp : Tlp.values()) {
            if (tlp.label().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
