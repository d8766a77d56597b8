package io.borderlink.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Classification;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.HandlingCode;
import io.borderlink.contracts.exchange.Narrative;
import io.borderlink.contracts.exchange.SourceReliability;
import io.borderlink.contracts.exchange.Tearline;
import io.borderlink.contracts.exchange.Tlp;
import io.borderlink.gateway.policy.NarrativeOutcome.Source;
import io.borderlink.gateway.policy.Policy.NarrativeRule;
import io.borderlink.gateway.policy.Policy.Transformation;
import io.borderlink.gateway.policy.Policy.Transformation.Action;
import io.borderlink.gateway.policy.PolicyEngine.Mode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each narrative rule on the border incident (released as H0 here, so only the narrative can hold it):
 * which text the partner view carries, that it never lists tearlines, and that the leak check holds a
 * share whose text gives back what the transformations removed.
 */
class NarrativeRulesTest {

    private static final String INTERNAL = "3.8 km east of the Altanbulag crossing point";
    private static final String TEARLINE = "near the Altanbulag crossing point";

    private final PolicyEngine engine = new PolicyEngine(new PolicyEngineTest.CountingRates());

    @Test
    void tearlineOnlyGivesThePartnerTheTearlineMeantForItAndNoOther() {
        ShareDecision decision = decide(incident(), NarrativeRule.TEARLINE_ONLY);

        assertThat(decision.decision()).isEqualTo(Decision.RELEASE);
        assertThat(decision.view().body().narrative().text()).contains(TEARLINE);
        assertThat(decision.view().body().tearlines()).isEmpty();
        assertThat(view(decision)).doesNotContain(INTERNAL).doesNotContain("<Tearlines>");
        assertThat(decision.narrative())
                .isEqualTo(new NarrativeOutcome(NarrativeRule.TEARLINE_ONLY, Source.TEARLINE, "T1", List.of()));
        assertThat(trace(decision, "narrative")).isEqualTo("APPLIED TEARLINE_ONLY: tearline T1");
    }

    @Test
    void tearlineOnlyWithoutATearlineForThePartnerSendsNoNarrative() {
        Exchange forChinaOnly = withTearlines(incident(), tearline("T1", List.of(), List.of("CHN"), "For Erenhot."));

        ShareDecision decision = decide(forChinaOnly, NarrativeRule.TEARLINE_ONLY);

        assertThat(decision.decision()).isEqualTo(Decision.RELEASE);
        assertThat(decision.view().body().narrative()).isNull();
        assertThat(view(decision)).doesNotContain("<Narrative").doesNotContain("For Erenhot.");
        assertThat(decision.narrative().source()).isEqualTo(Source.NONE);
        assertThat(trace(decision, "leak-check")).isEqualTo("SKIPPED no narrative leaves");
    }

    @Test
    void prefersATearlineNamingThePartnerToOneForItsCountry() {
        Exchange two = withTearlines(
                incident(),
                tearline("T1", List.of(), List.of("RUS"), "For any Russian partner."),
                tearline("T2", List.of("RU-LIAISON"), List.of(), "For Kyakhta only."));

        ShareDecision decision = decide(two, NarrativeRule.TEARLINE_ONLY);

        assertThat(decision.narrative().tearlineId()).isEqualTo("T2");
        assertThat(decision.view().body().narrative().text()).isEqualTo("For Kyakhta only.");
    }

    @Test
    void leavesOutATearlineMarkedAboveThePartnersCeilings() {
        Exchange confidential = withTearlines(
                incident(),
                new Tearline(
                        "T1",
                        List.of("RU-LIAISON"),
                        List.of(),
                        Classification.CONFIDENTIAL,
                        Tlp.GREEN,
                        new Narrative("Above the ceiling.", "en")));

        ShareDecision decision = decide(confidential, NarrativeRule.TEARLINE_ONLY);

        assertThat(decision.view().body().narrative()).isNull();
        assertThat(trace(decision, "narrative")).contains("tearline T1 is marked above its ceilings");
    }

    @Test
    void dropSendsNeitherTheNarrativeNorATearline() {
        ShareDecision decision = decide(incident(), NarrativeRule.DROP);

        assertThat(decision.decision()).isEqualTo(Decision.RELEASE);
        assertThat(decision.view().body().narrative()).isNull();
        assertThat(view(decision)).doesNotContain(INTERNAL).doesNotContain(TEARLINE);
        assertThat(decision.narrative().source()).isEqualTo(Source.NONE);
        assertThat(trace(decision, "narrative")).startsWith("APPLIED DROP");
    }

    @Test
    void holdForReviewReleasesTheTearlineWhenThereIsOne() {
        ShareDecision decision = decide(incident(), NarrativeRule.HOLD_FOR_REVIEW);

        assertThat(decision.decision()).isEqualTo(Decision.RELEASE);
        assertThat(decision.narrative().source()).isEqualTo(Source.TEARLINE);
    }

    @Test
    void holdForReviewWithoutATearlineHoldsTheNarrativeAsWrittenForAnOfficer() {
        ShareDecision decision = decide(withTearlines(incident()), NarrativeRule.HOLD_FOR_REVIEW);

        assertThat(decision.decision()).isEqualTo(Decision.HOLD);
        assertThat(decision.ruleId()).isEqualTo("narrative");
        assertThat(decision.approvers()).isEqualTo(1);
        assertThat(decision.view().body().narrative().text()).contains(INTERNAL);
        assertThat(decision.narrative().source()).isEqualTo(Source.AS_WRITTEN);
        assertThat(decision.narrative().hits())
                .extracting(LeakHit::kind)
                .containsExactlyInAnyOrder(LeakKind.FINE_DISTANCE, LeakKind.LOCATION_DESCRIPTION);
    }

    @Test
    void asIsSendsTheNarrativeAsWrittenAndNeverTheTearlines() {
        ShareDecision decision = decide(incident(), NarrativeRule.AS_IS, List.of());

        assertThat(decision.decision()).isEqualTo(Decision.RELEASE);
        assertThat(decision.view().body().narrative().text()).contains(INTERNAL);
        assertThat(view(decision)).doesNotContain(TEARLINE);
        assertThat(decision.narrative().source()).isEqualTo(Source.AS_WRITTEN);
    }

    @Test
    void asIsStillChecksTheNarrativeAgainstTheSourceDetails() {
        Exchange naming = withNarrative(incident(), "Reported by our contact B. Munkhbat (HS-0211).");

        ShareDecision decision = decide(naming, NarrativeRule.AS_IS, List.of());

        assertThat(decision.decision()).isEqualTo(Decision.HOLD);
        assertThat(decision.ruleId()).isEqualTo("leak-check");
        assertThat(decision.narrative().hits())
                .containsExactly(new LeakHit(LeakKind.SOURCE_DETAIL, "baseline:source-details"));
    }

    @Test
    void holdsATearlineThatGivesBackWhatTheTransformationsRemoved() {
        Exchange leaking = withTearlines(
                incident(),
                tearline("T1", List.of("RU-LIAISON"), List.of(), "Stopped 3,8 km from the crossing, at 50.319 N."));

        ShareDecision decision = decide(leaking, NarrativeRule.TEARLINE_ONLY);

        assertThat(decision.decision()).isEqualTo(Decision.HOLD);
        assertThat(decision.ruleId()).isEqualTo("leak-check");
        assertThat(decision.reason())
                .isEqualTo("tearline T1: 2 hits: FINE_COORDINATES (transform:locations.coordinates),"
                        + " FINE_DISTANCE (transform:locations.coordinates)");
    }

    @Test
    void namesTheKindAndRuleOfAHitButNeverTheValue() {
        Exchange leaking = withNarrative(
                withTearlines(incident()),
                "Herder B. Munkhbat saw the Lada 3.8 km east of the Altanbulag crossing point at 50.3190, 106.5470.");

        ShareDecision decision = decide(leaking, NarrativeRule.HOLD_FOR_REVIEW);

        String trace = decision.trace().toString() + decision.reason();
        assertThat(decision.narrative().hits()).hasSize(4);
        assertThat(trace)
                .doesNotContain("Munkhbat")
                .doesNotContain("munhbat")
                .doesNotContain("3.8")
                .doesNotContain("50.319")
                .doesNotContain("Altanbulag");
    }

    @Test
    void anOfficersTextTakesThePlaceOfTheNarrativeIsCheckedAndHolds() {
        OfficerNarrative edit =
                new OfficerNarrative("officer-1", new Narrative("Stopped near Altanbulag; handed over.", "en"));

        ShareDecision decision =
                engine.decide(incident(), target(NarrativeRule.TEARLINE_ONLY), true, Mode.RULES_ONLY, edit);

        assertThat(decision.decision()).isEqualTo(Decision.HOLD);
        assertThat(decision.ruleId()).isEqualTo("narrative");
        assertThat(decision.view().body().narrative().text()).isEqualTo("Stopped near Altanbulag; handed over.");
        assertThat(decision.narrative().source()).isEqualTo(Source.OFFICER);
        assertThat(trace(decision, "narrative")).contains("text edited by officer-1");
        assertThat(trace(decision, "leak-check"))
                .isEqualTo("PASS the officer's text: nothing the policy removed found");
    }

    @Test
    void anOfficerMayRemoveTheNarrativeAltogether() {
        ShareDecision decision = engine.decide(
                incident(),
                target(NarrativeRule.HOLD_FOR_REVIEW),
                true,
                Mode.RULES_ONLY,
                new OfficerNarrative("officer-2", null));

        assertThat(decision.decision()).isEqualTo(Decision.HOLD);
        assertThat(decision.view().body().narrative()).isNull();
        assertThat(trace(decision, "narrative")).contains("narrative removed by officer-2");
    }

    @Test
    void ignoresAnOfficersTextOnceThePolicyDropsNarratives() {
        ShareDecision decision = engine.decide(
                incident(),
                target(NarrativeRule.DROP),
                true,
                Mode.RULES_ONLY,
                new OfficerNarrative("officer-1", new Narrative("Edited.", "en")));

        assertThat(decision.decision()).isEqualTo(Decision.RELEASE);
        assertThat(decision.view().body().narrative()).isNull();
    }

    @Test
    void skipsTheNarrativeOfADeniedShare() {
        Exchange secret = PolicyEngineTest.borderIncident(m -> m.withClassification(Classification.SECRET));

        ShareDecision decision = decide(secret, NarrativeRule.HOLD_FOR_REVIEW);

        assertThat(decision.narrative()).isNull();
        assertThat(trace(decision, "narrative")).isEqualTo("SKIPPED denied");
        assertThat(trace(decision, "leak-check")).isEqualTo("SKIPPED denied");
    }

    private ShareDecision decide(Exchange exchange, NarrativeRule rule) {
        return engine.decide(exchange, target(rule), true, Mode.RULES_ONLY);
    }

    private ShareDecision decide(Exchange exchange, NarrativeRule rule, List<Transformation> transformations) {
        return engine.decide(exchange, target(rule, transformations), true, Mode.RULES_ONLY);
    }

    private static PolicyTarget target(NarrativeRule rule) {
        return target(
                rule,
                List.of(
                        new Transformation("locations.coordinates", Action.GENERALISE, new BigDecimal("0.1")),
                        new Transformation("locations.description", Action.DROP, null)));
    }

    /** A liaison policy like RU-LIAISON's, with the given narrative rule and transformations. */
    static PolicyTarget target(NarrativeRule rule, List<Transformation> transformations) {
        Policy policy = new Policy(
                "1",
                Set.of(Category.BORDER_INCIDENT, Category.VEHICLE_ALERT),
                Set.of(),
                new Policy.PurposeRule(false, Set.of()),
                new Policy.Ceilings(Classification.RESTRICTED, Tlp.AMBER),
                null,
                Map.of(HandlingCode.H2, Decision.HOLD),
                new Policy.MinimumEvaluation(SourceReliability.C, 3),
                transformations,
                rule,
                List.of(),
                null);
        return new PolicyTarget("RU-LIAISON", "RUS", policy, "1@test");
    }

    /** The border-incident sample, H0, with its tearline for RU-LIAISON. */
    static Exchange incident() {
        return PolicyEngineTest.borderIncident(m -> m);
    }

    static Exchange withTearlines(Exchange exchange, Tearline... tearlines) {
        return exchange.withBody(exchange.body().withNarrative(exchange.body().narrative(), List.of(tearlines)));
    }

    static Exchange withNarrative(Exchange exchange, String text) {
        return exchange.withBody(exchange.body()
                .withNarrative(new Narrative(text, "en"), exchange.body().tearlines()));
    }

    static Tearline tearline(String id, List<String> partners, List<String> codes, String text) {
        return new Tearline(id, partners, codes, Classification.UNCLASSIFIED, Tlp.GREEN, new Narrative(text, "en"));
    }

    private static String view(ShareDecision decision) {
        return new String(decision.viewBytes(), StandardCharsets.UTF_8);
    }

    /** "VERDICT detail" of the one trace entry of a rule. */
    private static String trace(ShareDecision decision, String rule) {
        return decision.trace().stream()
                .filter(o -> o.rule().equals(rule))
                .map(o -> o.verdict() + " " + o.detail())
                .findFirst()
                .orElseThrow();
    }
}
