package io.borderlink.benchmarks;

import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Classification;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.HandlingCode;
import io.borderlink.contracts.exchange.Markings;
import io.borderlink.contracts.exchange.SourceReliability;
import io.borderlink.contracts.exchange.Tlp;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.gateway.policy.Decision;
import io.borderlink.gateway.policy.Policy;
import io.borderlink.gateway.policy.Policy.ApprovalRule;
import io.borderlink.gateway.policy.Policy.Transformation;
import io.borderlink.gateway.policy.Policy.Transformation.Action;
import io.borderlink.gateway.policy.PolicyEngine;
import io.borderlink.gateway.policy.PolicyEngine.Mode;
import io.borderlink.gateway.policy.PolicyTarget;
import io.borderlink.gateway.policy.RateCounter;
import io.borderlink.gateway.policy.ShareDecision;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One policy decision (target: 50 partners in under 500 µs together): the border-incident sample (about 4 KB), one partner,
 * a policy of about twenty rules (eight checks, four transformations plus the two baseline removals,
 * four approval rules, the rate limit).
 *
 * <ul>
 *   <li>{@link #release}: every rule, the transformations, and the partner view written as canonical XML
 *       and digested (SHA-256), which is what the outbound flow stores with each share.
 *   <li>{@link #deny}: a denial by the last check (source evaluation): all checks, no partner view.
 * </ul>
 *
 * The rate counter is in memory here; in the gateway it is a Hazelcast entry processor (one local call
 * on a single node).
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class PolicyDecisionBenchmark {

    private PolicyEngine engine;
    private PolicyTarget partner;
    private Exchange released;
    private Exchange denied;

    @Setup
    public void setUp() {
        engine = new PolicyEngine(new Unlimited());
        partner = new PolicyTarget("RU-LIAISON", "RUS", twentyRules(), "bench@000000000000");
        Exchange incident = ExchangeXml.read(SecureXml.parse(Samples.borderIncidentFromBorderPolice()));
        released = withEvaluation(incident, SourceReliability.B);
        denied = withEvaluation(incident, SourceReliability.X);
    }

    @Benchmark
    public ShareDecision release() {
        return engine.decide(released, partner, true, Mode.COUNT_RATE);
    }

    @Benchmark
    public ShareDecision deny() {
        return engine.decide(denied, partner, true, Mode.COUNT_RATE);
    }

    private static Policy twentyRules() {
        Policy.ApprovalRule.Condition never = new ApprovalRule.Condition(Classification.SECRET, Set.of(), Set.of());
        return new Policy(
                "bench",
                Set.of(Category.BORDER_INCIDENT, Category.VEHICLE_ALERT, Category.WANTED_PERSON),
                Set.of(Category.BORDER_INCIDENT),
                new Policy.PurposeRule(true, Set.of("BORDER_SECURITY", "STOLEN_VEHICLE")),
                new Policy.Ceilings(Classification.RESTRICTED, Tlp.AMBER),
                null,
                Map.of(HandlingCode.H2, Decision.RELEASE, HandlingCode.H3, Decision.DENY),
                new Policy.MinimumEvaluation(SourceReliability.C, 3),
                List.of(
                        new Transformation("locations.coordinates", Action.GENERALISE, new BigDecimal("0.1")),
                        new Transformation("locations.description", Action.DROP, null),
                        new Transformation("persons.documents.number", Action.MASK, null),
                        new Transformation("persons.date-of-birth", Action.GENERALISE, null)),
                Policy.NarrativeRule.HOLD_FOR_REVIEW,
                List.of(
                        new ApprovalRule("secret", never, 2),
                        new ApprovalRule(
                                "wanted",
                                new ApprovalRule.Condition(null, Set.of(Category.WANTED_PERSON), Set.of()),
                                1),
                        new ApprovalRule("h3", new ApprovalRule.Condition(null, Set.of(), Set.of(HandlingCode.H3)), 2),
                        new ApprovalRule(
                                "confidential",
                                new ApprovalRule.Condition(Classification.CONFIDENTIAL, Set.of(), Set.of()),
                                1)),
                new Policy.RateLimit(Integer.MAX_VALUE, Decision.HOLD));
    }

    private static Exchange withEvaluation(Exchange exchange, SourceReliability reliability) {
        Markings m = exchange.markings();
        return exchange.withMarkings(new Markings(
                m.classification(),
                m.tlp(),
                m.releasableTo(),
                m.handlingCode(),
                m.handlingConditions(),
                reliability,
                m.informationAccuracy(),
                m.foreignMarking()));
    }

    /** Counts nothing: the benchmark measures the decision, not a cluster round trip. */
    private static final class Unlimited implements RateCounter {
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
