package io.borderlink.gateway.share;

import java.time.Instant;
import java.util.UUID;

/**
 * A share as its decision left it, with when its exchange was received (a held share expires counting
 * from then).
 *
 * @param recipientId the partner outbound, the agency inbound
 * @param trace the policy's decision trace, as JSON
 * @param narrativeEditedBy the officer whose narrative text the partner view carries; null when none edited it
 */
public record Share(
        UUID shareId,
        UUID exchangeId,
        String recipientId,
        ShareState state,
        String viewDigest,
        String policyVersion,
        int approvers,
        String ruleId,
        String reason,
        String trace,
        Instant receivedAt,
        String narrativeEditedBy) {

    public ShareRef ref() {
        return new ShareRef(shareId, exchangeId, recipientId);
    }
}
