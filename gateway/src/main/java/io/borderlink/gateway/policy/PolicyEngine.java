package io.borderlink.gateway.policy;

import static io.borderlink.gateway.policy.RuleOutcome.Verdict.APPLIED;
import static io.borderlink.gateway.policy.RuleOutcome.Verdict.DENY;
import static io.borderlink.gateway.policy.RuleOutcome.Verdict.HOLD;
import static io.borderlink.gateway.policy.RuleOutcome.Verdict.PASS;
import static io.borderlink.gateway.policy.RuleOutcome.Verdict.SKIPPED;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.Header;
import io.borderlink.contracts.exchange.Markings;
import io.borderlink.contracts.exchange.Purpose;
import io.borderlink.crypto.Digests;
import io.borderlink.gateway.policy.Policy.ApprovalRule;
import io.borderlink.gateway.policy.Policy.MinimumEvaluation;
import io.borderlink.gateway.policy.Policy.RateLimit;
import io.borderlink.gateway.policy.Policy.Transformation;
import org.springframework.stereotype.Component;

/**
 * Decides, for one exchange and one partner, whether the share is released, held for approval or
 * denied, and builds the partner view. Every rule is evaluated and traced in a fixed order; the first
 * denial decides, otherwise any hold does. Deterministic: the same exchange under the same policy
 * version gives the same decision and a byte-identical partner view.
 */
@Component
public class PolicyEngine {

    /** How a decision treats the partner's rate limit: only a share being accepted spends from it. */
    public enum Mode {
        /** A share being accepted now: within the limit it spends one from the partner's hourly budget. */
        COUNT_RATE,
        /**
         * Decided against the budget as it stands, spending nothing: a dry run, or a held share decided
         * again under the policy in force now (its acceptance already counted).
         */
        CHECK_RATE,
        /** A policy's own test case: the rules alone, whatever today's traffic or cluster state. */
        RULES_ONLY
    }

    private final RateCounter rates;

    public PolicyEngine(RateCounter rates) {
        this.rates = rates;
    }

    /** @param named whether the exchange names this partner as an addressee (TLP:RED requires it) */
    public ShareDecision decide(Exchange exchange, PolicyTarget partner, boolean named, Mode mode) {
        return decide(exchange, partner, named, mode, null);
    }

    /**
     * The decision for a held share whose narrative an officer edited: the officer's text takes the place
     * of what the narrative rule gives (unless the rule is now DROP), is leak-checked like any, and holds.
     *
     * @param edit the officer's text, or null for none
     */
    public ShareDecision decide(
            Exchange exchange, PolicyTarget partner, boolean named, Mode mode, OfficerNarrative edit) {
        Policy policy = partner.policy();
        Evaluation evaluation = new Evaluation();
        checkMarkings(exchange, partner, named, policy, evaluation);
        if (evaluation.denied()) {
            skipRest(policy, evaluation);
        } else {
            LeakCheck removed = new LeakCheck();
            Exchange view = partnerView(exchange, policy, evaluation, removed);
            int approvers = approvers(exchange, policy, evaluation);
            Narratives.Released released = Narratives.release(view, partner, removed, edit, evaluation);
            checkRate(partner, policy.rateLimit(), mode, evaluation);
            if (!evaluation.denied()) {
                return releaseOrHold(partner, released, approvers, evaluation);
            }
        }
        RuleOutcome denial = evaluation.firstDenial();
        return new ShareDecision(
                partner.partnerId(),
                Decision.DENY,
                denial.rule(),
                denial.detail(),
                0,
                partner.version(),
                null,
                null,
                null,
                evaluation.trace(),
                null);
    }

    private static void checkMarkings(
            Exchange exchange, PolicyTarget partner, boolean named, Policy policy, Evaluation evaluation) {
        Header header = exchange.header();
        Markings markings = exchange.markings();
        evaluation.check(
                "category-accepted",
                policy.categories().contains(header.category()),
                DENY,
                header.category() + (policy.categories().contains(header.category()) ? " is" : " is not")
                        + " among the categories " + partner.partnerId() + " takes");
        checkPurpose(header.purpose(), policy.purpose(), evaluation);
        evaluation.add(MarkingChecks.classificationCeiling(
                markings.classification(), policy.ceilings().classification()));
        boolean belowTlp = markings.tlp().compareTo(policy.ceilings().tlp()) <= 0;
        evaluation.check(
                "tlp-ceiling",
                belowTlp,
                DENY,
                "TLP:" + markings.tlp().label() + (belowTlp ? " within " : " above ") + "the ceiling TLP:"
                        + policy.ceilings().tlp().label());
        evaluation.add(MarkingChecks.tlpRedNamed(markings.tlp(), partner.partnerId(), named));
        String code = partner.releasabilityCode();
        boolean releasable = markings.releasableTo().contains(code);
        evaluation.check(
                "releasable-to",
                releasable,
                DENY,
                markings.releasableTo().isEmpty()
                        ? "not releasable abroad (releasable-to is empty)"
                        : "releasable to " + markings.releasableTo() + (releasable ? ", which includes " : ", not ")
                                + code);
        Decision handling = policy.handlingOf(markings.handlingCode());
        evaluation.record(
                "handling-code",
                verdictOf(handling),
                markings.handlingCode() + " → " + handling
                        + (markings.handlingConditions() == null ? "" : " (" + markings.handlingConditions() + ")"));
        checkEvaluation(markings, policy.minimumEvaluation(), evaluation);
        if (partner.labelPolicy() != null) {
            // Labelled as of the exchange's creation, so that the same exchange always gets the same trace.
            LabelChecks.check(markings, header.createdAt(), partner, evaluation);
        }
    }

    private static void checkPurpose(Purpose purpose, Policy.PurposeRule rule, Evaluation evaluation) {
        String code = purpose.code();
        if (rule.required() && (code == null || code.isBlank())) {
            evaluation.record("purpose", DENY, "a purpose is required");
        } else if (!rule.allowed().isEmpty() && !rule.allowed().contains(code)) {
            evaluation.record("purpose", DENY, "purpose " + code + " is not among " + rule.allowed());
        } else {
            evaluation.record("purpose", PASS, "purpose " + code + " accepted");
        }
    }

    private static void checkEvaluation(Markings markings, MinimumEvaluation minimum, Evaluation evaluation) {
        if (minimum == null) {
            evaluation.record("source-evaluation", SKIPPED, "no minimum");
            return;
        }
        boolean reliable = markings.sourceReliability().compareTo(minimum.reliability()) <= 0;
        boolean accurate = markings.informationAccuracy() <= minimum.accuracy();
        String given = "" + markings.sourceReliability() + markings.informationAccuracy();
        evaluation.check(
                "source-evaluation",
                reliable && accurate,
                DENY,
                given
                        + (reliable && accurate ? " meets " : " is weaker than ")
                        + minimum.reliability()
                        + minimum.accuracy());
    }

    /** The view as the transformations and the baseline make it, and what each of them removed. */
    private static Exchange partnerView(Exchange exchange, Policy policy, Evaluation evaluation, LeakCheck removed) {
        Exchange view = exchange;
        for (Transformation t : policy.transformations()) {
            Exchange next = Transformations.apply(t, view);
            removed.removedBy("transform:" + t.field(), view, next, t.grid());
            view = next;
            evaluation.record(
                    "transform:" + t.field(),
                    APPLIED,
                    t.action() + (t.grid() == null ? "" : " to a " + t.grid().toPlainString() + "° grid"));
        }
        evaluation.record(
                "baseline:source-details",
                exchange.body().sourceDetails() == null ? PASS : APPLIED,
                "source details never leave the country");
        evaluation.record(
                "baseline:internal-notes",
                exchange.body().internalNotes() == null ? PASS : APPLIED,
                "internal notes never leave the originating agency");
        Exchange withoutSource = Transformations.withoutSourceDetails(view);
        removed.removedBy("baseline:source-details", view, withoutSource, null);
        Exchange baseline = Transformations.withoutInternalNotes(withoutSource);
        removed.removedBy("baseline:internal-notes", withoutSource, baseline, null);
        return baseline;
    }

    private static int approvers(Exchange exchange, Policy policy, Evaluation evaluation) {
        int approvers = 0;
        for (ApprovalRule rule : policy.approvals()) {
            if (applies(rule.when(), exchange)) {
                approvers = Math.max(approvers, rule.approvers());
                evaluation.record(
                        "approval:" + rule.id(),
                        HOLD,
                        rule.approvers() == 2
                                ? "two distinct officers must approve (four-eyes)"
                                : "one officer must approve");
            } else {
                evaluation.record("approval:" + rule.id(), PASS, "does not apply");
            }
        }
        return approvers;
    }

    private static boolean applies(ApprovalRule.Condition when, Exchange exchange) {
        Markings markings = exchange.markings();
        return (when.classificationAtLeast() == null
                        || markings.classification().compareTo(when.classificationAtLeast()) >= 0)
                && (when.categories().isEmpty()
                        || when.categories().contains(exchange.header().category()))
                && (when.handlingCodes().isEmpty() || when.handlingCodes().contains(markings.handlingCode()));
    }

    private void checkRate(PolicyTarget partner, RateLimit limit, Mode mode, Evaluation evaluation) {
        if (limit == null || mode == Mode.RULES_ONLY) {
            evaluation.record(
                    "rate-limit", SKIPPED, limit == null ? "no limit" : "policy cases test rules, not traffic");
            return;
        }
        boolean within = mode == Mode.COUNT_RATE
                ? rates.tryAcquire(partner.partnerId(), limit.perHour())
                : rates.current(partner.partnerId()) < limit.perHour();
        evaluation.check(
                "rate-limit",
                within,
                verdictOf(limit.whenExceeded()),
                (within ? "within " : "above ") + limit.perHour() + " exchanges per hour");
    }

    private static ShareDecision releaseOrHold(
            PolicyTarget partner, Narratives.Released released, int approvers, Evaluation evaluation) {
        Exchange view = released.view();
        byte[] bytes = ExchangeXml.write(view);
        String digest = Digests.sha256(bytes);
        RuleOutcome hold = evaluation.firstHold();
        if (hold != null) {
            return new ShareDecision(
                    partner.partnerId(),
                    Decision.HOLD,
                    hold.rule(),
                    hold.detail(),
                    Math.max(1, approvers),
                    partner.version(),
                    view,
                    bytes,
                    digest,
                    evaluation.trace(),
                    released.outcome());
        }
        return new ShareDecision(
                partner.partnerId(),
                Decision.RELEASE,
                "released",
                null,
                0,
                partner.version(),
                view,
                bytes,
                digest,
                evaluation.trace(),
                released.outcome());
    }

    private static void skipRest(Policy policy, Evaluation evaluation) {
        for (Transformation t : policy.transformations()) {
            evaluation.record("transform:" + t.field(), SKIPPED, "denied");
        }
        for (ApprovalRule rule : policy.approvals()) {
            evaluation.record("approval:" + rule.id(), SKIPPED, "denied");
        }
        Narratives.skip(evaluation);
        evaluation.record("rate-limit", SKIPPED, "denied");
    }

    private static RuleOutcome.Verdict verdictOf(Decision decision) {
        return switch (decision) {
            case RELEASE -> PASS;
            case HOLD -> HOLD;
            case DENY -> DENY;
        };
    }
}
