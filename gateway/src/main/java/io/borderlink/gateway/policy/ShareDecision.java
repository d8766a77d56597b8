package io.borderlink.gateway.routing;

import io.borderlink.contracts.exchange.Exchange;

/**
 * The decision for one partner and, unless denied, the partner view: the canonical exchange as this
 * partner may see it, with its canonical bytes and their digest (what an approval is later bound to).
 */
public record ShareDecision(
        String partnerId,
        Decision decision,
        String ruleId,
        String reason,
        String policyVersion,
        Exchange view,
        byte[] viewBytes,
        String viewDigest) {

    public static ShareDecision deny(String partnerId, String ruleId, String reason, String policyVersion) {
        return new ShareDecision(partnerId, Decision.DENY, ruleId, reason, policyVersion, null, null, null);
    }
}
