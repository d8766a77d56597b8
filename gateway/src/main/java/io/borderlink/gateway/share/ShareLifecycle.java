package io.borderlink.gateway.share;

import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditEvent.Outcome;
import io.borderlink.gateway.audit.AuditStep;
import io.borderlink.gateway.policy.Decision;
import io.borderlink.gateway.policy.ShareDecision;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The share state machine, as data and without a database: which state a decision opens a share in (and the
 * event that records the decision),
 * and which {@link ShareTransition}s each state allows. {@link Shares} applies it to the table.
 *
 * <p>The stored states are those the status API and the console show. The lifecycle's other stages are
 * not states of their own: a share is <em>in flight</em> while a node holds its lease ({@code PENDING}
 * with {@code lease_owner} and an unexpired {@code lease_until}), and <em>waits for a retry</em> when it
 * is {@code PENDING} again with a {@code last_error_code} and a later {@code next_attempt_at}. So:
 *
 * <pre>
 *   decision RELEASE → PENDING (leased to the node whose intake hands it to a worker) ⇄ in flight → DELIVERED
 *                                          → HANDED_OVER (a file drop) → DELIVERED (a signed receipt file)
 *                                          → PENDING (retry) | DEAD_LETTER → PENDING (resend) | ABANDONED
 *   decision HOLD    → HELD → PENDING (released) | HELD (reviewed) | REJECTED | EXPIRED | DENIED
 *   decision DENY    → DENIED
 * </pre>
 *
 * DELIVERED, ABANDONED, REJECTED, EXPIRED and DENIED are final. HANDED_OVER is not, but nothing of the gateway's
 * is left to do for it: a link that never answers leaves it there, and the exchange counts as completed.
 */
public final class ShareLifecycle {

    private static final String POLICY = "policy";

    private ShareLifecycle() {}

    /** The state a share is opened in for the policy's decision. */
    public static ShareState opened(Decision decision) {
        return switch (decision) {
            case RELEASE -> ShareState.PENDING;
            case HOLD -> ShareState.HELD;
            case DENY -> ShareState.DENIED;
        };
    }

    /** The policy's decision for one recipient, with the rule that made it. */
    static AuditEvent decided(UUID exchangeId, ShareDecision decision) {
        Outcome outcome =
                switch (decision.decision()) {
                    case RELEASE -> Outcome.RELEASED;
                    case HOLD -> Outcome.HELD;
                    case DENY -> Outcome.DENIED;
                };
        return AuditEvent.of(AuditStep.DECIDE, outcome)
                .about(exchangeId, decision.partnerId())
                .code(decision.ruleId())
                .actor(POLICY, null)
                .digest(decision.viewDigest())
                .detail("rule " + decision.ruleId() + ", policy " + decision.policyVersion()
                        + (decision.reason() == null ? "" : ": " + decision.reason()));
    }

    public static boolean allows(ShareState current, ShareTransition transition) {
        return transition.from() == current;
    }

    /** Whether some transition leads from one state to the other. */
    public static boolean allows(ShareState from, ShareState to) {
        return next(from).contains(to);
    }

    public static Set<ShareState> next(ShareState from) {
        Set<ShareState> next = EnumSet.noneOf(ShareState.class);
        for (ShareTransition transition : ShareTransition.values()) {
            if (allows(from, transition)) {
                next.add(transition.to());
            }
        }
        return next;
    }

    /**
     * Why a transition was refused: the state does not allow it, or (the state allowing it) the lease is
     * not as the transition needs.
     */
    public static ShareStateConflict refused(UUID shareId, ShareState current, ShareTransition transition) {
        String why = allows(current, transition)
                ? switch (transition.lease()) {
                    case FREE -> "it is not due, or another node holds its lease";
                    case THIS_NODE -> "this node no longer holds its lease";
                    case ANY -> "it changed meanwhile";
                }
                : transition + " needs " + transition.from();
        return new ShareStateConflict(shareId, current, transition, "share " + shareId + " is " + current + ": " + why);
    }
}
