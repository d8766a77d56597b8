package io.borderlink.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.adapters.format.PartnerFormats;
import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Classification;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.HandlingCode;
import io.borderlink.contracts.exchange.Markings;
import io.borderlink.contracts.exchange.Tlp;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.gateway.config.YamlRecords;
import io.borderlink.gateway.labels.LabelPolicy;
import io.borderlink.gateway.labels.LabelPolicyDirectory;
import io.borderlink.gateway.policy.PolicyEngine.Mode;
import io.borderlink.gateway.policy.RuleOutcome.Verdict;
import jakarta.validation.Validation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** The release rules of a partner that takes labels decide on the label it would receive. */
class LabelChecksTest {

    private static final LabelPolicy NATO = LabelPolicyDirectory.load(
                    Path.of("config/label-policies"),
                    new YamlRecords(
                            new StandardEnvironment(),
                            new SpringValidatorAdapter(
                                    Validation.buildDefaultValidatorFactory().getValidator()),
                            new PartnerFormats(List.of())))
            .find("NATO")
            .orElseThrow();

    private final PolicyEngine engine = new PolicyEngine(new NoRates());

    @Test
    void releasesWithTheLabelInTheTrace() {
        ShareDecision decision = decide(List.of("NATO"), Classification.RESTRICTED, rules());

        assertThat(decision.decision()).isEqualTo(Decision.RELEASE);
        assertThat(outcome(decision, "label-policy").detail())
                .isEqualTo("labelled NATO NATO RESTRICTED; Releasable To NATO");
        assertThat(outcome(decision, "label:releasable-to-nato").verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void holdsWhenALabelRuleSaysSo() {
        ShareDecision decision = decide(List.of("NATO", "RUS"), Classification.RESTRICTED, rules());

        assertThat(decision.decision()).isEqualTo(Decision.HOLD);
        assertThat(decision.ruleId()).isEqualTo("label:also-released-to-russia");
        assertThat(decision.reason()).isEqualTo("Releasable To has RUS");
    }

    @Test
    void deniesWhenTheLabelWouldNotReleaseToThePartner() {
        ShareDecision decision = decide(List.of("MNG"), Classification.RESTRICTED, rules());

        assertThat(decision.decision()).isEqualTo(Decision.DENY);
        assertThat(outcome(decision, "label:releasable-to-nato").verdict()).isEqualTo(Verdict.DENY);
        assertThat(outcome(decision, "label:releasable-to-nato").detail()).isEqualTo("Releasable To lacks NATO");
    }

    @Test
    void deniesWhatTheLabelPolicyCannotSayAndSkipsTheLabelRules() {
        LabelPolicy withoutSecret = new LabelPolicy(
                NATO.id(),
                NATO.description(),
                NATO.policyIdentifier(),
                NATO.uri(),
                NATO.classifications().subList(0, 2),
                NATO.categories(),
                NATO.defaults());

        ShareDecision decision = engine.decide(
                exchange(List.of("NATO"), Classification.CONFIDENTIAL),
                new PolicyTarget("NATO-LIAISON", "NATO", policy(), "1@test", withoutSecret, rules()),
                true,
                Mode.RULES_ONLY);

        assertThat(decision.decision()).isEqualTo(Decision.DENY);
        assertThat(decision.ruleId()).isEqualTo("label-policy");
        assertThat(decision.reason()).isEqualTo("CONFIDENTIAL has no classification under NATO");
        assertThat(outcome(decision, "label:releasable-to-nato").verdict()).isEqualTo(Verdict.SKIPPED);
    }

    @Test
    void aPartnerWithoutLabelsHasNoLabelRulesInItsTrace() {
        ShareDecision decision = engine.decide(
                exchange(List.of("NATO"), Classification.RESTRICTED),
                new PolicyTarget("NATO-LIAISON", "NATO", policy(), "1@test"),
                true,
                Mode.RULES_ONLY);

        assertThat(decision.trace()).extracting(RuleOutcome::rule).noneMatch(rule -> rule.startsWith("label"));
    }

    private ShareDecision decide(List<String> releasableTo, Classification classification, List<LabelRule> rules) {
        return engine.decide(
                exchange(releasableTo, classification),
                new PolicyTarget("NATO-LIAISON", "NATO", policy(), "1@test", NATO, rules),
                true,
                Mode.RULES_ONLY);
    }

    private static List<LabelRule> rules() {
        return List.of(
                new LabelRule("releasable-to-nato", "Releasable To", "NATO", LabelRule.When.ABSENT, Decision.DENY),
                new LabelRule(
                        "also-released-to-russia", "Releasable To", "RUS", LabelRule.When.PRESENT, Decision.HOLD));
    }

    private static RuleOutcome outcome(ShareDecision decision, String rule) {
        return decision.trace().stream()
                .filter(o -> o.rule().equals(rule))
                .findFirst()
                .orElseThrow();
    }

    private static Exchange exchange(List<String> releasableTo, Classification classification) {
        Exchange sample = ExchangeXml.read(SecureXml.parse(Samples.byCategory(Category.BORDER_INCIDENT)));
        Markings m = sample.markings();
        return sample.withMarkings(new Markings(
                classification,
                m.tlp(),
                releasableTo,
                HandlingCode.H1,
                null,
                m.sourceReliability(),
                m.informationAccuracy(),
                null));
    }

    /** Permissive on the markings (any classification up to CONFIDENTIAL, any releasability checked by labels). */
    private static Policy policy() {
        return new Policy(
                "1",
                Set.of(Category.BORDER_INCIDENT),
                Set.of(),
                new Policy.PurposeRule(false, Set.of()),
                new Policy.Ceilings(Classification.CONFIDENTIAL, Tlp.AMBER),
                "MNG",
                Map.of(),
                null,
                List.of(),
                Policy.NarrativeRule.AS_IS,
                List.of(),
                null);
    }

    private static final class NoRates implements RateCounter {
        @Override
        public boolean tryAcquire(String partnerId, int perHour) {
            return true;
        }

        @Override
        public int current(String partnerId) {
            return 0;
        }
    }
}
