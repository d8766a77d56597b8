package io.borderlink.gateway.policy;

import static io.borderlink.gateway.policy.RuleOutcome.Verdict.DENY;
import static io.borderlink.gateway.policy.RuleOutcome.Verdict.HOLD;
import static io.borderlink.gateway.policy.RuleOutcome.Verdict.PASS;
import static io.borderlink.gateway.policy.RuleOutcome.Verdict.SKIPPED;

import io.borderlink.contracts.exchange.Markings;
import io.borderlink.contracts.label.ConfidentialityLabel;
import io.borderlink.contracts.label.LabelCategory;
import io.borderlink.gateway.labels.LabelPolicy;
import io.borderlink.gateway.labels.LabelTranslation;
import java.time.Instant;
import java.util.List;

/**
 * The release rules of a partner that takes labels: the label it would receive must be writable under its
 * label policy ({@code label-policy}), and the partner's label rules decide on that label's categories as the
 * other rules do on the markings ({@code label:<id>}).
 */
final class LabelChecks {

    private LabelChecks() {}

    static void check(Markings markings, Instant labelledAt, PolicyTarget partner, Evaluation evaluation) {
        LabelPolicy policy = partner.labelPolicy();
        LabelTranslation.Outbound outbound = LabelTranslation.labelFor(policy, markings, labelledAt);
        if (outbound.problem() != null) {
            evaluation.record("label-policy", DENY, outbound.problem());
            partner.labelRules().forEach(rule -> evaluation.record("label:" + rule.id(), SKIPPED, "no label"));
            return;
        }
        ConfidentialityLabel label = outbound.label();
        String notes = outbound.notes().isEmpty() ? "" : " (" + String.join("; ", outbound.notes()) + ")";
        evaluation.record("label-policy", PASS, "labelled " + label.summary() + notes);
        for (LabelRule rule : partner.labelRules()) {
            List<String> values =
                    label.category(rule.category()).map(LabelCategory::values).orElse(List.of());
            boolean present = values.contains(rule.value());
            boolean fires = present == (rule.when() == LabelRule.When.PRESENT);
            evaluation.check(
                    "label:" + rule.id(),
                    !fires,
                    rule.decision() == Decision.HOLD ? HOLD : DENY,
                    rule.category() + (present ? " has " : " lacks ") + rule.value());
        }
    }
}
