package io.borderlink.contracts.api;

import java.util.List;
import java.util.UUID;

/** What the gateway would decide for each partner, and what each would receive. Nothing was sent. */
public record DryRunResult(UUID exchangeId, List<DryRunDecision> decisions) {

    /**
     * One partner's decision.
     *
     * @param trace every rule evaluated, in order, with its outcome
     * @param view the canonical partner view (absent when denied)
     * @param rendered the partner view in the partner's own format, unsigned and unencrypted
     * @param narrative what happens to the narrative (absent when denied)
     */
    public record DryRunDecision(
            String partner,
            String decision,
            String ruleId,
            String reason,
            int approvers,
            String policyVersion,
            List<TraceEntry> trace,
            String viewDigest,
            String view,
            String format,
            String rendered,
            NarrativeDecision narrative) {}

    /** One rule of a decision trace: PASS, DENY, HOLD, APPLIED or SKIPPED, and why. */
    public record TraceEntry(String rule, String outcome, String detail) {}

    /**
     * The partner's narrative rule applied to the exchange.
     *
     * @param rule TEARLINE_ONLY, DROP, HOLD_FOR_REVIEW or AS_IS
     * @param source what the partner view's narrative is: TEARLINE, AS_WRITTEN, OFFICER or NONE
     * @param tearline the id of the tearline used, when it is one
     * @param hits what the leak check found in the text that would leave; never the values themselves
     */
    public record NarrativeDecision(String rule, String source, String tearline, List<LeakHit> hits) {}

    /** A leak-check hit: the kind of value found and the rule of the partner's policy that removed it. */
    public record LeakHit(String kind, String rule) {}
}
