package io.borderlink.contracts.api;

import java.util.List;
import java.util.UUID;

/** Which agencies would receive an exchange from a partner, and why the others would not. Nothing was stored. */
public record InboundDryRunResult(UUID exchangeId, String from, List<AgencyDecision> decisions) {

    /**
     * One agency's decision: RELEASE or DENY (nothing that flows in is held).
     *
     * @param ruleId the rule that denied, or the {@code inbound-receives[i]} rule that takes the exchange
     * @param rulesVersion the version of the agency files the decision was made under
     * @param trace every rule evaluated, in order, with its outcome
     */
    public record AgencyDecision(
            String agency,
            String decision,
            String ruleId,
            String reason,
            String rulesVersion,
            List<DryRunResult.TraceEntry> trace) {}
}
