package io.borderlink.gateway.policy;

import static io.borderlink.gateway.policy.RuleOutcome.Verdict.DENY;
import static io.borderlink.gateway.policy.RuleOutcome.Verdict.PASS;
import static io.borderlink.gateway.policy.RuleOutcome.Verdict.SKIPPED;

import io.borderlink.contracts.exchange.Classification;
import io.borderlink.contracts.exchange.Tlp;

/**
 * The marking rules that hold whichever way an exchange flows: a partner's policy applies them to what leaves,
 * an agency's inbound section to what partners send in. One wording and one comparison for both, so that an
 * officer reads the same trace line whoever the recipient is.
 */
public final class MarkingChecks {

    private MarkingChecks() {}

    /** DENY when the classification is above the recipient's ceiling ({@link Classification} is ordered). */
    public static RuleOutcome classificationCeiling(Classification given, Classification ceiling) {
        boolean within = given.compareTo(ceiling) <= 0;
        return new RuleOutcome(
                "classification-ceiling",
                within ? PASS : DENY,
                given + (within ? " within " : " above ") + "the ceiling " + ceiling);
    }

    /** TLP:RED goes only to a recipient the exchange names as an addressee; SKIPPED for any other label. */
    public static RuleOutcome tlpRedNamed(Tlp tlp, String recipient, boolean named) {
        if (tlp != Tlp.RED) {
            return new RuleOutcome("tlp-red-named", SKIPPED, "not TLP:RED");
        }
        return new RuleOutcome(
                "tlp-red-named",
                named ? PASS : DENY,
                named ? "TLP:RED and " + recipient + " is a named addressee" : "TLP:RED goes only to named addressees");
    }
}
