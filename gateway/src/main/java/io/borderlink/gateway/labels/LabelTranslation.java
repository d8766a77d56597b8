package io.borderlink.gateway.labels;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.HandlingCode;
import io.borderlink.contracts.exchange.Markings;
import io.borderlink.contracts.exchange.SourceReliability;
import io.borderlink.contracts.exchange.Tlp;
import io.borderlink.contracts.label.ConfidentialityLabel;
import io.borderlink.contracts.label.LabelCategory;
import io.borderlink.gateway.labels.LabelPolicy.LabelCategoryRule;
import io.borderlink.gateway.labels.LabelPolicy.LabelClassification;
import io.borderlink.gateway.labels.LabelPolicy.MarkingField;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Between confidentiality labels and the canonical markings, under one label policy: what a label says in
 * markings (intake), and the label that says what a partner view's markings say (outbound). Deterministic and
 * without side effects.
 */
public final class LabelTranslation {

    private LabelTranslation() {}

    /**
     * The markings a label states, with the defaults of its policy for what it cannot state.
     *
     * @param stated the markings the label itself states (its classification always), which must agree with
     *     markings a document also carries
     */
    public record Translated(Markings markings, Set<MarkingField> stated) {}

    /** A label's markings under its policy; {@code LABEL_VALUE_UNKNOWN} for anything the policy does not define. */
    public static Translated markingsOf(LabelPolicy policy, ConfidentialityLabel label) {
        LabelClassification classification = policy.classification(label.classification())
                .orElseThrow(() -> unknown(label.classification() + " is not a classification of " + policy.id()));
        if (classification.marking() == null) {
            throw unknown(label.classification() + " of " + policy.id()
                    + " has no equivalent among the canonical classifications: the gateway does not handle it");
        }
        Set<MarkingField> stated = EnumSet.noneOf(MarkingField.class);
        List<String> releasableTo = new ArrayList<>();
        HandlingCode handling = policy.defaults().handlingCode();
        Tlp tlp = policy.defaults().tlp();
        SourceReliability reliability = policy.defaults().sourceReliability();
        int accuracy = policy.defaults().informationAccuracy();
        for (LabelCategory category : label.categories()) {
            LabelCategoryRule rule = known(policy, category);
            List<String> values = category.values();
            switch (rule.marking()) {
                case RELEASABLE_TO -> releasableTo.addAll(values);
                case HANDLING_CODE ->
                    handling = values.stream()
                            .map(LabelValues::handlingCode)
                            .max(Comparator.naturalOrder())
                            .orElseThrow();
                case TLP ->
                    tlp = values.stream()
                            .map(Tlp::fromLabel)
                            .max(Comparator.naturalOrder())
                            .orElseThrow();
                case SOURCE_EVALUATION -> {
                    reliability = LabelValues.reliability(values.get(0));
                    accuracy = LabelValues.accuracy(values.get(0));
                }
                case NONE -> {}
            }
            stated.add(rule.marking());
        }
        if (policy.categoryFor(MarkingField.RELEASABLE_TO).isPresent()) {
            // Under a policy that can say releasability, a label that does not is releasable nowhere.
            stated.add(MarkingField.RELEASABLE_TO);
        }
        stated.remove(MarkingField.NONE);
        Markings markings = new Markings(
                classification.marking(),
                tlp,
                releasableTo.stream().distinct().toList(),
                handling,
                null,
                reliability,
                accuracy,
                label.summary());
        return new Translated(markings, stated);
    }

    /** Where markings a document carries differ from what its label states; empty when they agree. */
    public static List<String> disagreements(Translated label, Markings markings) {
        Markings said = label.markings();
        List<String> differences = new ArrayList<>();
        if (said.classification() != markings.classification()) {
            differences.add("classification " + markings.classification() + ", label " + said.classification());
        }
        Set<MarkingField> stated = label.stated();
        if (stated.contains(MarkingField.RELEASABLE_TO)
                && !new HashSet<>(said.releasableTo()).equals(new HashSet<>(markings.releasableTo()))) {
            differences.add("releasable to " + markings.releasableTo() + ", label " + said.releasableTo());
        }
        if (stated.contains(MarkingField.HANDLING_CODE) && said.handlingCode() != markings.handlingCode()) {
            differences.add("handling " + markings.handlingCode() + ", label " + said.handlingCode());
        }
        if (stated.contains(MarkingField.TLP) && said.tlp() != markings.tlp()) {
            differences.add("TLP:" + markings.tlp().label() + ", label TLP:"
                    + said.tlp().label());
        }
        if (stated.contains(MarkingField.SOURCE_EVALUATION) && !evaluation(said).equals(evaluation(markings))) {
            differences.add("evaluation " + evaluation(markings) + ", label " + evaluation(said));
        }
        return differences;
    }

    /**
     * The label under {@code policy} that states what the markings state, made {@code now}; or why none can:
     * a classification, handling code, TLP or evaluation the policy has no value for. Releasability codes the
     * policy does not list are left out (the label releases to fewer, never to more) and named in {@code notes}.
     */
    public record Outbound(ConfidentialityLabel label, String problem, List<String> notes) {}

    public static Outbound labelFor(LabelPolicy policy, Markings markings, Instant now) {
        Optional<LabelClassification> classification = policy.classifications().stream()
                .filter(c -> c.marking() == markings.classification())
                .findFirst();
        if (classification.isEmpty()) {
            return refused(markings.classification() + " has no classification under " + policy.id());
        }
        List<LabelCategory> categories = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (LabelCategoryRule rule : policy.categories()) {
            List<String> values =
                    switch (rule.marking()) {
                        case RELEASABLE_TO -> {
                            markings.releasableTo().stream()
                                    .filter(code -> !rule.values().contains(code))
                                    .forEach(code -> notes.add(code + " is not a value of " + rule.tagName()));
                            yield rule.values().stream()
                                    .filter(markings.releasableTo()::contains)
                                    .toList();
                        }
                        case HANDLING_CODE -> List.of(markings.handlingCode().name());
                        case TLP -> List.of(markings.tlp().label());
                        case SOURCE_EVALUATION -> List.of(evaluation(markings));
                        case NONE -> List.of();
                    };
            if (rule.marking() != MarkingField.RELEASABLE_TO && !rule.values().containsAll(values)) {
                return refused(values + " cannot be written as " + rule.tagName() + " under " + policy.id());
            }
            if (!values.isEmpty()) {
                categories.add(new LabelCategory(rule.tagName(), rule.uri(), rule.type(), values));
            }
        }
        ConfidentialityLabel label = new ConfidentialityLabel(
                policy.policyIdentifier(),
                policy.uri(),
                classification.get().name(),
                categories,
                now.truncatedTo(ChronoUnit.SECONDS),
                null);
        return new Outbound(label, null, notes);
    }

    private static Outbound refused(String problem) {
        return new Outbound(null, problem, List.of());
    }

    private static LabelCategoryRule known(LabelPolicy policy, LabelCategory category) {
        LabelCategoryRule rule = policy.category(category.tagName())
                .orElseThrow(() -> unknown(category.tagName() + " is not a category of " + policy.id()));
        if (rule.type() != category.type()) {
            throw unknown(category.tagName() + " is " + rule.type() + " under " + policy.id() + ", the label says "
                    + category.type());
        }
        if (rule.uri() != null && category.uri() != null && !rule.uri().equals(category.uri())) {
            throw unknown(category.tagName() + " has the URI " + rule.uri() + " under " + policy.id()
                    + ", the label says " + category.uri());
        }
        for (String value : category.values()) {
            if (!rule.values().contains(value)) {
                throw unknown(value + " is not a value of " + category.tagName() + " under " + policy.id());
            }
        }
        return rule;
    }

    private static String evaluation(Markings markings) {
        return markings.sourceReliability().name() + markings.informationAccuracy();
    }

    private static GatewayException unknown(String message) {
        return new GatewayException(ErrorCode.LABEL_VALUE_UNKNOWN, message);
    }
}
