package io.borderlink.gateway.policy;

import static io.borderlink.gateway.policy.RuleOutcome.Verdict.APPLIED;
import static io.borderlink.gateway.policy.RuleOutcome.Verdict.HOLD;
import static io.borderlink.gateway.policy.RuleOutcome.Verdict.PASS;
import static io.borderlink.gateway.policy.RuleOutcome.Verdict.SKIPPED;

import io.borderlink.contracts.exchange.Body;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.Narrative;
import io.borderlink.contracts.exchange.Tearline;
import io.borderlink.gateway.policy.NarrativeOutcome.Source;
import io.borderlink.gateway.policy.Policy.Ceilings;
import io.borderlink.gateway.policy.Policy.NarrativeRule;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The narrative rule and the leak check, the last two steps of a partner view: which text the partner
 * gets in place of the narrative and its tearlines (rule {@code narrative}), and whether that text gives
 * back anything the policy removed from the structured fields (rule {@code leak-check}). Any hit holds
 * the share; the trace names the kinds of hit and the rules that removed the values, never the values.
 */
final class Narratives {

    static final String RULE = "narrative";
    static final String LEAK_CHECK = "leak-check";

    private Narratives() {}

    /** The partner view with its narrative, and what was decided about it. */
    record Released(Exchange view, NarrativeOutcome outcome) {}

    /**
     * @param view the partner view as the transformations left it (still with the narrative and tearlines)
     * @param edit an officer's text for this share, or null
     */
    static Released release(
            Exchange view, PolicyTarget partner, LeakCheck removed, OfficerNarrative edit, Evaluation evaluation) {
        NarrativeRule rule = partner.policy().narrative();
        Body body = view.body();
        Chosen chosen = edit != null && rule != NarrativeRule.DROP
                ? new Chosen(edit.narrative(), Source.OFFICER, null)
                : choose(rule, body, partner);
        record(rule, chosen, body, partner, edit, evaluation);
        Exchange released = view.withBody(body.withReleasedNarrative(chosen.text()));
        List<LeakHit> hits = leakCheck(chosen, removed, released, evaluation);
        return new Released(released, new NarrativeOutcome(rule, chosen.source(), chosen.tearlineId(), hits));
    }

    /** Denied: nothing is built, nothing leaves. */
    static void skip(Evaluation evaluation) {
        evaluation.record(RULE, SKIPPED, "denied");
        evaluation.record(LEAK_CHECK, SKIPPED, "denied");
    }

    private record Chosen(Narrative text, Source source, String tearlineId) {}

    private static Chosen choose(NarrativeRule rule, Body body, PolicyTarget partner) {
        Optional<Tearline> tearline = tearlineFor(body, partner);
        return switch (rule) {
            case DROP -> none();
            case AS_IS -> body.narrative() == null ? none() : new Chosen(body.narrative(), Source.AS_WRITTEN, null);
            case TEARLINE_ONLY -> tearline.map(Narratives::tearline).orElseGet(Narratives::none);
            case HOLD_FOR_REVIEW ->
                tearline.map(Narratives::tearline)
                        .orElseGet(() -> body.narrative() == null
                                ? none()
                                : new Chosen(body.narrative(), Source.AS_WRITTEN, null));
        };
    }

    /**
     * The tearline meant for the partner: one that names it, or else one for its country or organisation
     * code, marked within its ceilings; the first in the document where several qualify.
     */
    static Optional<Tearline> tearlineFor(Body body, PolicyTarget partner) {
        Ceilings ceilings = partner.policy().ceilings();
        return body.tearlines().stream()
                .filter(t -> t.isFor(partner.partnerId(), partner.releasabilityCode()))
                .filter(t -> t.classification().compareTo(ceilings.classification()) <= 0
                        && t.tlp().compareTo(ceilings.tlp()) <= 0)
                .min(Comparator.comparing(t -> !t.partners().contains(partner.partnerId())));
    }

    private static void record(
            NarrativeRule rule,
            Chosen chosen,
            Body body,
            PolicyTarget partner,
            OfficerNarrative edit,
            Evaluation evaluation) {
        String partnerId = partner.partnerId();
        switch (chosen.source()) {
            case OFFICER ->
                evaluation.record(
                        RULE,
                        HOLD,
                        rule + ": " + (chosen.text() == null ? "narrative removed" : "text edited") + " by "
                                + edit.officer() + "; it leaves only with approval");
            case TEARLINE -> evaluation.record(RULE, APPLIED, rule + ": tearline " + chosen.tearlineId());
            case AS_WRITTEN ->
                evaluation.record(
                        RULE,
                        rule == NarrativeRule.AS_IS ? PASS : HOLD,
                        rule == NarrativeRule.AS_IS
                                ? "AS_IS: the narrative as written"
                                : "HOLD_FOR_REVIEW: no tearline for " + partnerId
                                        + aboveCeilings(body, partner)
                                        + "; an officer reviews the narrative beside what the policy removed");
            case NONE ->
                evaluation.record(
                        RULE,
                        body.narrative() == null && body.tearlines().isEmpty() ? PASS : APPLIED,
                        rule == NarrativeRule.DROP
                                ? "DROP: neither the narrative nor a tearline leaves"
                                : rule + ": no tearline for " + partnerId + aboveCeilings(body, partner)
                                        + ", so no narrative");
        }
    }

    /** Says so when a tearline names the partner but is marked above what it may receive. */
    private static String aboveCeilings(Body body, PolicyTarget partner) {
        List<String> above = body.tearlines().stream()
                .filter(t -> t.isFor(partner.partnerId(), partner.releasabilityCode()))
                .map(Tearline::id)
                .toList();
        return above.isEmpty() ? "" : " (tearline " + String.join(", ", above) + " is marked above its ceilings)";
    }

    private static List<LeakHit> leakCheck(Chosen chosen, LeakCheck removed, Exchange released, Evaluation evaluation) {
        if (chosen.text() == null) {
            evaluation.record(LEAK_CHECK, SKIPPED, "no narrative leaves");
            return List.of();
        }
        if (removed.isEmpty()) {
            evaluation.record(LEAK_CHECK, PASS, "the policy removed nothing a text could give back");
            return List.of();
        }
        String what = chosen.source() == Source.TEARLINE
                ? "tearline " + chosen.tearlineId()
                : chosen.source() == Source.OFFICER ? "the officer's text" : "the narrative";
        List<LeakHit> hits = removed.check(chosen.text().text(), released);
        if (hits.isEmpty()) {
            evaluation.record(LEAK_CHECK, PASS, what + ": nothing the policy removed found");
        } else {
            evaluation.record(
                    LEAK_CHECK,
                    HOLD,
                    what + ": " + hits.size() + (hits.size() == 1 ? " hit: " : " hits: ")
                            + String.join(
                                    ", ", hits.stream().map(LeakHit::toString).toList()));
        }
        return hits;
    }

    private static Chosen tearline(Tearline tearline) {
        return new Chosen(tearline.text(), Source.TEARLINE, tearline.id());
    }

    private static Chosen none() {
        return new Chosen(null, Source.NONE, null);
    }
}
