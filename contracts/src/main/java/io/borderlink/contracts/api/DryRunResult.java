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
            String rendered) {}

    /** One rule of a decision trace: PASS, DENY, HOLD, APPLIED or SKIPPED, and why. */
    public record TraceEntry(String rule, String outcome, String detail) {}
}
