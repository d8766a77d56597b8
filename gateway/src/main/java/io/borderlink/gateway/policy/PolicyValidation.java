package io.borderlink.gateway.policy;

import io.borderlink.gateway.config.YamlRecords;
import io.borderlink.gateway.policy.Policy.ApprovalRule;
import io.borderlink.gateway.policy.Policy.Transformation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The checks a policy needs beyond field constraints, each reported with the file and line it concerns. */
public final class PolicyValidation {

    private PolicyValidation() {}

    /** @param loaded the file the policy was read from, under the property {@code policy} */
    public static void check(Policy policy, YamlRecords.Loaded<?> loaded) {
        List<Transformation> transformations = policy.transformations();
        for (int i = 0; i < transformations.size(); i++) {
            String problem = Transformations.problem(transformations.get(i));
            if (problem != null) {
                throw loaded.invalid("policy.transformations[" + i + "].field", problem);
            }
        }
        Set<String> ids = new HashSet<>();
        List<ApprovalRule> approvals = policy.approvals();
        for (int i = 0; i < approvals.size(); i++) {
            ApprovalRule.Condition when = approvals.get(i).when();
            if (when.classificationAtLeast() == null
                    && when.categories().isEmpty()
                    && when.handlingCodes().isEmpty()) {
                throw loaded.invalid("policy.approvals[" + i + "].id", "an approval rule needs at least one condition");
            }
            if (!ids.add(approvals.get(i).id())) {
                throw loaded.invalid("policy.approvals[" + i + "].id", "approval rule ids must be unique");
            }
        }
        if (policy.narrative() == null) {
            throw loaded.invalid(
                    "policy.narrative",
                    "a policy must say what happens to free text: narrative: TEARLINE_ONLY, DROP,"
                            + " HOLD_FOR_REVIEW or AS_IS");
        }
        if (policy.narrative() == Policy.NarrativeRule.AS_IS && !transformations.isEmpty()) {
            throw loaded.invalid(
                    "policy.narrative",
                    "AS_IS is allowed only in a policy without transformations: the narrative as written would"
                            + " give back what they remove");
        }
        if (!policy.categories().containsAll(policy.subscriptions())) {
            throw loaded.invalid("policy.subscriptions[0]", "subscriptions must be among the accepted categories");
        }
    }
}
