package io.borderlink.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Classification;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.HandlingCode;
import io.borderlink.contracts.exchange.Location;
import io.borderlink.contracts.exchange.Markings;
import io.borderlink.contracts.exchange.Person;
import io.borderlink.contracts.exchange.SourceReliability;
import io.borderlink.contracts.exchange.Tlp;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.gateway.policy.PolicyEngine.Mode;
import io.borderlink.gateway.policy.RuleOutcome.Verdict;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Each rule type of the policy engine, at and around its boundaries, on real sample exchanges. */
class PolicyEngineTest {

    private final CountingRates rates = new CountingRates();
    private final PolicyEngine engine = new PolicyEngine(rates);

    @Test
    void releasesAnExchangeWithinEveryRuleOfThePolicy() {
        ShareDecision decision = decide(borderIncident(m -> m), liaison());

        assertThat(decision.decision()).isEqualTo(Decision.RELEASE);
        assertThat(decision.ruleId()).isEqualTo("released");
        assertThat(decision.policyVersion()).isEqualTo("1@test");
        assertThat(decision.trace())
                .extracting(RuleOutcome::rule)
                .containsExactly(
                        "category-accepted",
                        "purpose",
                        "classification-ceiling",
                        "tlp-ceiling",
                        "tlp-red-named",
                        "releasable-to",
                        "handling-code",
                        "source-evaluation",
                        "transform:locations.coordinates",
                        "baseline:source-details",
                        "baseline:internal-notes",
                        "narrative",
                        "leak-check",
                        "rate-limit");
    }

    @Test
    void deniesACategoryThePartnerDoesNotTake() {
        ShareDecision decision = decide(sample(Samples.seizureReportFromCustoms()), liaison());

        assertDenied(decision, "category-accepted");
        assertThat(decision.view()).isNull();
        assertThat(decision.trace())
                .filteredOn(o -> o.rule().startsWith("transform:"))
                .extracting(RuleOutcome::verdict)
                .containsOnly(Verdict.SKIPPED);
    }

    @Test
    void releasesAtTheClassificationCeilingAndDeniesOneLevelAbove() {
        assertThat(decide(borderIncident(m -> m.withClassification(Classification.RESTRICTED)), liaison())
                        .decision())
                .isEqualTo(Decision.RELEASE);
        assertDenied(
                decide(borderIncident(m -> m.withClassification(Classification.CONFIDENTIAL)), liaison()),
                "classification-ceiling");
    }

    @Test
    void releasesAtTheTlpCeilingAndDeniesAmberStrictAboveAmber() {
        assertThat(decide(borderIncident(m -> tlp(m, Tlp.AMBER)), liaison()).decision())
                .isEqualTo(Decision.RELEASE);
        assertDenied(decide(borderIncident(m -> tlp(m, Tlp.AMBER_STRICT)), liaison()), "tlp-ceiling");
    }

    @Test
    void sendsTlpRedOnlyToANamedAddressee() {
        Policy anyTlp = liaison(p -> new Policy(
                p.version(),
                p.categories(),
                p.subscriptions(),
                p.purpose(),
                new Policy.Ceilings(Classification.SECRET, Tlp.RED),
                p.releasableTo(),
                p.handling(),
                p.minimumEvaluation(),
                p.transformations(),
                p.narrative(),
                p.approvals(),
                p.rateLimit()));
        Exchange red = borderIncident(m -> tlp(m, Tlp.RED));

        assertThat(engine.decide(red, target(anyTlp), true, Mode.COUNT_RATE).decision())
                .isEqualTo(Decision.RELEASE);
        assertDenied(engine.decide(red, target(anyTlp), false, Mode.COUNT_RATE), "tlp-red-named");
    }

    @Test
    void deniesWhatIsNotReleasableToThePartnersCountry() {
        assertDenied(
                decide(borderIncident(m -> releasableTo(m, List.of("CHN", "INTERPOL"))), liaison()), "releasable-to");
        ShareDecision empty = decide(borderIncident(m -> releasableTo(m, List.of())), liaison());
        assertDenied(empty, "releasable-to");
        assertThat(empty.reason()).contains("not releasable abroad");
    }

    @Test
    void holdsOrDeniesHandlingCodesAsThePolicySaysAndDeniesH2AndH3ByDefault() {
        assertThat(decide(borderIncident(m -> handling(m, HandlingCode.H1)), liaison())
                        .decision())
                .isEqualTo(Decision.RELEASE);
        ShareDecision held = decide(borderIncident(m -> handling(m, HandlingCode.H2)), liaison());
        assertThat(held.decision()).isEqualTo(Decision.HOLD);
        assertThat(held.ruleId()).isEqualTo("handling-code");
        assertThat(held.approvers()).isEqualTo(1);

        Policy silent = liaison(p -> new Policy(
                p.version(),
                p.categories(),
                p.subscriptions(),
                p.purpose(),
                p.ceilings(),
                p.releasableTo(),
                Map.of(),
                p.minimumEvaluation(),
                p.transformations(),
                p.narrative(),
                p.approvals(),
                p.rateLimit()));
        assertDenied(decide(borderIncident(m -> handling(m, HandlingCode.H2)), silent), "handling-code");
    }

    @Test
    void deniesASourceEvaluationWeakerThanTheMinimumAndReleasesOneThatMeetsIt() {
        assertThat(decide(borderIncident(m -> evaluation(m, SourceReliability.C, 3)), liaison())
                        .decision())
                .isEqualTo(Decision.RELEASE);
        assertDenied(
                decide(borderIncident(m -> evaluation(m, SourceReliability.X, 1)), liaison()), "source-evaluation");
        assertDenied(
                decide(borderIncident(m -> evaluation(m, SourceReliability.A, 4)), liaison()), "source-evaluation");
    }

    @Test
    void deniesAPurposeThePartnerDoesNotAccept() {
        Policy onlyArrests = liaison(p -> new Policy(
                p.version(),
                p.categories(),
                p.subscriptions(),
                new Policy.PurposeRule(true, Set.of("LOCATE_AND_ARREST")),
                p.ceilings(),
                p.releasableTo(),
                p.handling(),
                p.minimumEvaluation(),
                p.transformations(),
                p.narrative(),
                p.approvals(),
                p.rateLimit()));

        ShareDecision decision = decide(borderIncident(m -> m), onlyArrests);

        assertDenied(decision, "purpose");
        assertThat(decision.reason()).contains("BORDER_SECURITY");
    }

    @Test
    void requiresTwoDistinctOfficersAboveRestrictedAndOneForWantedPersons() {
        Policy interpol = liaison(p -> new Policy(
                p.version(),
                Set.of(Category.WANTED_PERSON, Category.BORDER_INCIDENT),
                p.subscriptions(),
                p.purpose(),
                new Policy.Ceilings(Classification.CONFIDENTIAL, Tlp.AMBER),
                p.releasableTo(),
                p.handling(),
                p.minimumEvaluation(),
                p.transformations(),
                p.narrative(),
                List.of(
                        new Policy.ApprovalRule(
                                "wanted-person",
                                new Policy.ApprovalRule.Condition(null, Set.of(Category.WANTED_PERSON), Set.of()),
                                1),
                        new Policy.ApprovalRule(
                                "four-eyes",
                                new Policy.ApprovalRule.Condition(Classification.CONFIDENTIAL, Set.of(), Set.of()),
                                2)),
                p.rateLimit()));

        ShareDecision wanted = decide(sample(Samples.wantedPersonFromBorderPolice()), interpol);
        ShareDecision confidential =
                decide(borderIncident(m -> m.withClassification(Classification.CONFIDENTIAL)), interpol);

        assertThat(wanted.decision()).isEqualTo(Decision.HOLD);
        assertThat(wanted.approvers()).isEqualTo(1);
        assertThat(confidential.approvers()).isEqualTo(2);
        assertThat(confidential.ruleId()).isEqualTo("approval:four-eyes");
    }

    @Test
    void holdsWhatExceedsTheRateLimitAndCountsNothingInADryRun() {
        Policy twoPerHour = liaison(p -> new Policy(
                p.version(),
                p.categories(),
                p.subscriptions(),
                p.purpose(),
                p.ceilings(),
                p.releasableTo(),
                p.handling(),
                p.minimumEvaluation(),
                p.transformations(),
                p.narrative(),
                p.approvals(),
                new Policy.RateLimit(2, Decision.HOLD)));
        Exchange incident = borderIncident(m -> m);

        assertThat(engine.decide(incident, target(twoPerHour), true, Mode.CHECK_RATE)
                        .decision())
                .isEqualTo(Decision.RELEASE);
        assertThat(rates.current("RU-LIAISON")).isZero();
        assertThat(decide(incident, twoPerHour).decision()).isEqualTo(Decision.RELEASE);
        assertThat(decide(incident, twoPerHour).decision()).isEqualTo(Decision.RELEASE);
        ShareDecision third = decide(incident, twoPerHour);

        assertThat(third.decision()).isEqualTo(Decision.HOLD);
        assertThat(third.ruleId()).isEqualTo("rate-limit");
    }

    @Test
    void generalisesCoordinatesToTheGridAndAlwaysDropsSourceDetailsAndInternalNotes() {
        ShareDecision decision = decide(borderIncident(m -> m), liaison());

        Location location = decision.view().body().subjects(Location.class).get(0);
        assertThat(location.latitude()).isEqualByComparingTo("50.3");
        assertThat(location.longitude()).isEqualByComparingTo("106.5");
        assertThat(decision.view().body().sourceDetails()).isNull();
        assertThat(decision.view().body().internalNotes()).isNull();
        String view = new String(decision.viewBytes(), StandardCharsets.UTF_8);
        assertThat(view).doesNotContain("Munkhbat").doesNotContain("tipped off by the herder");
    }

    @Test
    void dropsPersonsWithTheirAssociationsAndMasksOrGeneralisesWhatIsLeft() {
        Exchange incident = borderIncident(m -> m);
        Exchange noPersons = Transformations.apply(
                new Policy.Transformation("persons", Policy.Transformation.Action.DROP, null), incident);
        Exchange yearOnly = Transformations.apply(
                new Policy.Transformation("persons.date-of-birth", Policy.Transformation.Action.GENERALISE, null),
                incident);
        Exchange masked = Transformations.apply(
                new Policy.Transformation("persons.documents.number", Policy.Transformation.Action.MASK, null),
                incident);

        assertThat(noPersons.body().subjects(Person.class)).isEmpty();
        assertThat(noPersons.body().associations())
                .noneMatch(a -> a.fromId().equals("P1") || a.toId().equals("P1"));
        assertThat(yearOnly.body().subjects(Person.class).get(0).dateOfBirth().toString())
                .isEqualTo("1991");
        assertThat(masked.body()
                        .subjects(Person.class)
                        .get(0)
                        .documents()
                        .get(0)
                        .number())
                .isEqualTo("***204");
    }

    @Test
    void givesAByteIdenticalPartnerViewForTheSameExchangeAndPolicy() {
        ShareDecision first = decide(borderIncident(m -> m), liaison());
        ShareDecision second = decide(borderIncident(m -> m), liaison());

        assertThat(second.viewBytes()).isEqualTo(first.viewBytes());
        assertThat(second.viewDigest()).isEqualTo(first.viewDigest());
    }

    @Test
    void refusesATransformationOfAnUnknownFieldOrWithoutItsGrid() {
        assertThat(Transformations.problem(
                        new Policy.Transformation("persons.shoe-size", Policy.Transformation.Action.DROP, null)))
                .contains("unknown field");
        assertThat(Transformations.problem(
                        new Policy.Transformation("persons", Policy.Transformation.Action.MASK, null)))
                .contains("supports [DROP]");
        assertThat(Transformations.problem(new Policy.Transformation(
                        "locations.coordinates", Policy.Transformation.Action.GENERALISE, null)))
                .contains("positive grid");
    }

    private ShareDecision decide(Exchange exchange, Policy policy) {
        return engine.decide(exchange, target(policy), true, Mode.COUNT_RATE);
    }

    private static PolicyTarget target(Policy policy) {
        return new PolicyTarget("RU-LIAISON", "RUS", policy, "1@test");
    }

    /** A liaison policy like RU-LIAISON's: RESTRICTED/AMBER, H2 held, H3 denied, coordinates to 0.1°, tearlines or review. */
    private static Policy liaison() {
        return new Policy(
                "1",
                Set.of(Category.BORDER_INCIDENT, Category.VEHICLE_ALERT, Category.WANTED_PERSON),
                Set.of(Category.BORDER_INCIDENT),
                new Policy.PurposeRule(false, Set.of()),
                new Policy.Ceilings(Classification.RESTRICTED, Tlp.AMBER),
                null,
                Map.of(HandlingCode.H2, Decision.HOLD, HandlingCode.H3, Decision.DENY),
                new Policy.MinimumEvaluation(SourceReliability.C, 3),
                List.of(new Policy.Transformation(
                        "locations.coordinates", Policy.Transformation.Action.GENERALISE, new BigDecimal("0.1"))),
                Policy.NarrativeRule.HOLD_FOR_REVIEW,
                List.of(),
                new Policy.RateLimit(1000, Decision.HOLD));
    }

    private static Policy liaison(UnaryOperator<Policy> change) {
        return change.apply(liaison());
    }

    /** The border-incident sample (RESTRICTED, GREEN, H2) released as H0 unless the test says otherwise. */
    static Exchange borderIncident(UnaryOperator<Markings> change) {
        Exchange sample = sample(Samples.borderIncidentFromBorderPolice());
        return sample.withMarkings(change.apply(handling(sample.markings(), HandlingCode.H0)));
    }

    private static Exchange sample(byte[] xml) {
        return ExchangeXml.read(SecureXml.parse(xml));
    }

    private static Markings tlp(Markings m, Tlp value) {
        return new Markings(
                m.classification(),
                value,
                m.releasableTo(),
                m.handlingCode(),
                m.handlingConditions(),
                m.sourceReliability(),
                m.informationAccuracy(),
                m.foreignMarking());
    }

    private static Markings releasableTo(Markings m, List<String> value) {
        return new Markings(
                m.classification(),
                m.tlp(),
                value,
                m.handlingCode(),
                m.handlingConditions(),
                m.sourceReliability(),
                m.informationAccuracy(),
                m.foreignMarking());
    }

    private static Markings handling(Markings m, HandlingCode value) {
        return new Markings(
                m.classification(),
                m.tlp(),
                m.releasableTo(),
                value,
                null,
                m.sourceReliability(),
                m.informationAccuracy(),
                m.foreignMarking());
    }

    private static Markings evaluation(Markings m, SourceReliability reliability, int accuracy) {
        return new Markings(
                m.classification(),
                m.tlp(),
                m.releasableTo(),
                m.handlingCode(),
                m.handlingConditions(),
                reliability,
                accuracy,
                m.foreignMarking());
    }

    private static void assertDenied(ShareDecision decision, String rule) {
        assertThat(decision.decision()).isEqualTo(Decision.DENY);
        assertThat(decision.ruleId()).isEqualTo(rule);
        assertThat(decision.viewBytes()).isNull();
    }

    /** Rates in memory, as the Hazelcast counter keeps them per partner and hour. */
    static final class CountingRates implements RateCounter {
        private final Map<String, Integer> counts = new HashMap<>();

        @Override
        public boolean tryAcquire(String partnerId, int perHour) {
            int count = counts.getOrDefault(partnerId, 0);
            if (count >= perHour) {
                return false;
            }
            counts.put(partnerId, count + 1);
            return true;
        }

        @Override
        public int current(String partnerId) {
            return counts.getOrDefault(partnerId, 0);
        }
    }
}
