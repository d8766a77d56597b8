package io.borderlink.gateway.labels;

import io.borderlink.contracts.exchange.Classification;
import io.borderlink.contracts.exchange.HandlingCode;
import io.borderlink.contracts.exchange.SourceReliability;
import io.borderlink.contracts.exchange.Tlp;
import io.borderlink.contracts.label.CategoryType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One security policy that confidentiality labels are written under, as its YAML file under {@code
 * config/label-policies/} describes it: a description in the manner of a SPIF (the policy's classifications in
 * order, its categories and their values) and how each maps to the canonical markings. Labels under the policy
 * are understood on intake and written for partners that take them (docs/labels.md).
 *
 * @param id how partner files name the policy ({@code labels.policy})
 * @param policyIdentifier what labels under it carry as {@code PolicyIdentifier}
 * @param uri the policy's identifier URI, written into labels and, where a label has one, compared
 * @param classifications the policy's classifications, lowest first
 * @param categories the categories a label under the policy may carry, with their values
 * @param defaults the markings a label under this policy does not carry, for an exchange that has only a label
 */
public record LabelPolicy(
        @NotBlank String id,
        @NotBlank String description,
        @NotBlank String policyIdentifier,
        String uri,
        @Valid @NotEmpty List<LabelClassification> classifications,
        @Valid @DefaultValue List<LabelCategoryRule> categories,
        @Valid @NotNull Defaults defaults) {

    public LabelPolicy {
        classifications = List.copyOf(classifications);
        categories = List.copyOf(categories);
    }

    /**
     * @param name as labels write it, e.g. {@code NATO RESTRICTED}
     * @param marking the canonical classification it equals; none for one the gateway cannot handle (a label
     *     with it is refused, and it is never written)
     */
    public record LabelClassification(@NotBlank String name, Classification marking) {}

    /**
     * One category of the policy.
     *
     * @param tagName as labels write it ({@code Category@TagName})
     * @param uri the category's identifier, written into labels
     * @param marking which canonical marking its values are; NONE only for an INFORMATIVE category, since the
     *     gateway can enforce nothing else it cannot map
     * @param values every value the category may have; for a mapped category, in the canonical marking's own
     *     words (alpha-3 and organisation codes, H0 to H2, TLP labels, evaluations such as B2)
     */
    public record LabelCategoryRule(
            @NotBlank String tagName,
            String uri,
            @NotNull CategoryType type,
            @DefaultValue("NONE") MarkingField marking,
            @NotEmpty List<String> values) {

        public LabelCategoryRule {
            values = List.copyOf(values);
        }
    }

    /** The canonical markings a category can stand for. */
    public enum MarkingField {
        RELEASABLE_TO,
        HANDLING_CODE,
        TLP,
        SOURCE_EVALUATION,
        NONE
    }

    /**
     * What an exchange labelled under this policy alone gets for the markings its labels do not carry; the
     * cautious end of each (need-to-know, no onward sharing, unassessed source) unless the policy says better.
     */
    public record Defaults(
            @NotNull Tlp tlp,
            @NotNull HandlingCode handlingCode,
            @NotNull SourceReliability sourceReliability,
            @Min(1) @Max(4) int informationAccuracy) {}

    public Optional<LabelClassification> classification(String name) {
        return classifications.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<LabelCategoryRule> category(String tagName) {
        return categories.stream().filter(c -> c.tagName().equals(tagName)).findFirst();
    }

    /** The first of the policy's categories that stands for a canonical marking. */
    public Optional<LabelCategoryRule> categoryFor(MarkingField field) {
        return categories.stream().filter(c -> c.marking() == field).findFirst();
    }

    /** What is wrong with the description beyond its fields, or empty when nothing is. */
    public Optional<Problem> problem() {
        if (defaults.handlingCode() == HandlingCode.H3) {
            return Optional.of(
                    new Problem("defaults.handling-code", "H3 needs conditions in words, which a label cannot give"));
        }
        for (int i = 0; i < categories.size(); i++) {
            LabelCategoryRule category = categories.get(i);
            String at = "categories[" + i + "]";
            if (category.marking() == MarkingField.NONE && category.type() != CategoryType.INFORMATIVE) {
                return Optional.of(new Problem(
                        at + ".tag-name",
                        "a " + category.type() + " category must say which marking it is: the gateway cannot"
                                + " enforce what it cannot map"));
            }
            if (category.marking() != MarkingField.NONE
                    && categoryFor(category.marking()).orElseThrow() != category) {
                return Optional.of(
                        new Problem(at + ".tag-name", "only one category may stand for " + category.marking()));
            }
            for (String value : category.values()) {
                String wrong = LabelValues.problem(category.marking(), value);
                if (wrong != null) {
                    return Optional.of(new Problem(at + ".values", wrong));
                }
            }
        }
        return Optional.empty();
    }

    /** A mistake in a policy description: the property it concerns, and what is wrong. */
    public record Problem(String property, String message) {}
}
