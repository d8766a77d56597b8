package io.borderlink.contracts.label;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A confidentiality label with the structure of ADatP-4774 ({@code originatorConfidentialityLabel}): the
 * security policy it is written under, a classification and categories of that policy, when it was made and
 * when it should be reviewed. Its values mean something only under its policy; {@link LabelXml} reads and
 * writes it.
 *
 * @param policy the policy's name ({@code PolicyIdentifier})
 * @param policyUri the policy's identifier URI, where it has one
 * @param reviewAt when the classification should be reviewed; null when the label does not say
 */
public record ConfidentialityLabel(
        String policy,
        String policyUri,
        String classification,
        List<LabelCategory> categories,
        Instant created,
        Instant reviewAt) {

    public ConfidentialityLabel {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(classification, "classification");
        categories = List.copyOf(categories);
        Objects.requireNonNull(created, "created");
    }

    /** The category with this tag name, if the label has it. */
    public Optional<LabelCategory> category(String tagName) {
        return categories.stream().filter(c -> c.tagName().equals(tagName)).findFirst();
    }

    /** One line for people and the audit trail: policy, classification, then each category's values. */
    public String summary() {
        StringBuilder text = new StringBuilder(policy).append(' ').append(classification);
        for (LabelCategory category : categories) {
            text.append("; ").append(category.tagName()).append(' ').append(String.join(" ", category.values()));
        }
        return text.toString();
    }
}
