package io.borderlink.gateway.policy;

import io.borderlink.gateway.labels.LabelPolicy;
import java.util.List;

/**
 * What the engine needs to know of a partner: its id, the code that must be in releasable-to (its
 * country or organisation code), its policy and that policy's version; and, for a partner that takes
 * confidentiality labels, its label policy and the release rules on the label it would receive.
 *
 * @param labelPolicy null for a partner that takes no labels
 */
public record PolicyTarget(
        String partnerId,
        String releasabilityCode,
        Policy policy,
        String version,
        LabelPolicy labelPolicy,
        List<LabelRule> labelRules) {

    public PolicyTarget {
        labelRules = List.copyOf(labelRules);
    }

    /** A partner that takes no labels. */
    public PolicyTarget(String partnerId, String releasabilityCode, Policy policy, String version) {
        this(partnerId, releasabilityCode, policy, version, null, List.of());
    }
}
