package io.borderlink.gateway.approval;

import io.borderlink.gateway.policy.RuleOutcome;
import io.borderlink.gateway.security.ContentVisibility;
import io.borderlink.gateway.security.ContentVisibility.Sight;
import io.borderlink.gateway.share.ShareState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A held share as an officer reviews it: the partner view in canonical form and rendered as the partner
 * will receive it, a field-by-field diff against the original, the policy trace and rule, the outgoing
 * narrative beside the original one, and the decisions taken so far (only those for the current view count).
 *
 * @param viewDigest what an approval is bound to; the approve form sends it back
 * @param sight how much of the exchange the viewer sees ({@link ContentVisibility}): at {@code METADATA} the
 *     view, the rendered message, the diff, the narratives and the officers' reasons are left out
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
        NarrativeReview narrative,
        List<Decided> decisions,
        Sight sight) {

    /** Approvals given for the current view. */
    public long approvals() {
        return decisions.stream()
                .filter(d -> d.current() && "APPROVE".equals(d.verdict()))
                .count();
    }

    /** What the structured fields lost on the way to the partner view, to read the outgoing narrative beside. */
    public List<ViewDiff.Row> removed() {
        return diff.stream()
                .filter(row -> row.change() != ViewDiff.Change.SAME)
                .filter(row ->
                        !row.path().startsWith("Body/Narrative") && !row.path().startsWith("Body/Tearlines"))
                .toList();
    }

    /**
     * The narrative as it would leave and as the originator wrote it.
     *
     * @param rule the partner policy's narrative rule now (null when the partner is no longer configured)
     * @param outgoing the partner view's narrative text, null when it has none
     * @param editedBy the officer whose text it is, null when nobody edited it
     * @param editable whether an officer may edit it: not under DROP
     */
    public record NarrativeReview(String rule, String outgoing, String original, String editedBy, boolean editable) {}

    /** One officer's decision; {@code current} is false when it was for an earlier partner view. */
    public record Decided(
            String officer, String verdict, String reason, Instant decidedAt, String certificate, boolean current) {

        /** The decision without the officer's reason, which is free text about the content. */
        Decided withoutReason() {
            return new Decided(officer, verdict, null, decidedAt, certificate, current);
        }
    }
}
