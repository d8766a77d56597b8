package io.borderlink.gateway.approval;

import io.borderlink.gateway.policy.RuleOutcome;
import io.borderlink.gateway.share.ShareState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A held share as an officer reviews it: the partner view in canonical form and rendered as the partner
 * will receive it, a field-by-field diff against the original, the policy trace and rule, and the
 * decisions taken so far (only those for the current view count).
 *
 * @param viewDigest what an approval is bound to; the approve form sends it back
 */
public record ApprovalTask(
        UUID shareId,
        UUID exchangeId,
        String partner,
        String format,
        ShareState state,
        String originator,
        String category,
        String classification,
        String tlp,
        String handlingCode,
        Instant receivedAt,
        Instant expiresAt,
        String ruleId,
        String reason,
        int approversRequired,
        String viewDigest,
        String policyVersion,
        String view,
        String rendered,
        List<ViewDiff.Row> diff,
        List<RuleOutcome> trace,
        List<Decided> decisions) {

    /** Approvals given for the current view. */
    public long approvals() {
        return decisions.stream()
                .filter(d -> d.current() && "APPROVE".equals(d.verdict()))
                .count();
    }

    /** One officer's decision; {@code current} is false when it was for an earlier partner view. */
    public record Decided(
            String officer, String verdict, String reason, Instant decidedAt, String certificate, boolean current) {}
}
