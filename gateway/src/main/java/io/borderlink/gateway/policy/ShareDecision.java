package io.borderlink.gateway.policy;

import io.borderlink.contracts.exchange.Exchange;
import java.util.List;

/**
 * The decision for one partner: release, hold (with the approval rule and how many distinct officers
 * must approve) or deny (with the rule that failed), the trace of every rule evaluated, the policy
 * version, and unless denied the partner view with its canonical bytes and their digest, which an
 * approval is later bound to, and what became of the narrative.
 *
 * @param narrative the narrative rule's outcome; null when denied, and for agencies (inbound shares)
 */
public record ShareDecision(
        String partnerId,
        Decision decision,
        String ruleId,
        String reason,
        int approvers,
        String policyVersion,
        Exchange view,
        byte[] viewBytes,
        String viewDigest,
        List<RuleOutcome> trace,
        NarrativeOutcome narrative) {

    public ShareDecision {
        trace = List.copyOf(trace);
    }

    /** A denial that never reached the policy, such as an addressee that is not a configured partner. */
    public static ShareDecision deny(String partnerId, String ruleId, String reason) {
        return new ShareDecision(
                partnerId,
                Decision.DENY,
                ruleId,
                reason,
                0,
                "none",
                null,
                null,
                null,
                List.of(new RuleOutcome(ruleId, RuleOutcome.Verdict.DENY, reason)),
                null);
    }
}
