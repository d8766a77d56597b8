package io.borderlink.gateway.share;

/**
 * Every change a share can go through once opened: the state it must be in, the state it leads to, and
 * what the delivery lease must be. {@link Shares} has one method per transition; {@link ShareLifecycle}
 * answers what is allowed.
 */
public enum ShareTransition {
    /** A node takes the lease for one delivery attempt: the share is in flight. */
    CLAIM(ShareState.PENDING, ShareState.PENDING, LeaseCondition.FREE),
    /** The recipient's circuit is open: the lease is given back untried, with a later next attempt. */
    PUT_BACK(ShareState.PENDING, ShareState.PENDING, LeaseCondition.THIS_NODE),
    /** A stopping node gives its leases back, so that another node takes the shares over at once. */
    HAND_OVER(ShareState.PENDING, ShareState.PENDING, LeaseCondition.THIS_NODE),
    /** The recipient accepted the attempt. */
    DELIVER(ShareState.PENDING, ShareState.DELIVERED, LeaseCondition.THIS_NODE),
    /** The attempt wrote the share as a file to the recipient's export folder: handed over, no answer awaited. */
    DROP_OFF(ShareState.PENDING, ShareState.HANDED_OVER, LeaseCondition.THIS_NODE),
    /** The recipient's signed receipt file names the share's file as it was written. */
    CONFIRM(ShareState.HANDED_OVER, ShareState.DELIVERED, LeaseCondition.ANY),
    /** The attempt failed and another is scheduled after backoff. */
    RETRY(ShareState.PENDING, ShareState.PENDING, LeaseCondition.THIS_NODE),
    /** The last attempt failed, or the recipient refused: an administrator decides. */
    DEAD_LETTER(ShareState.PENDING, ShareState.DEAD_LETTER, LeaseCondition.THIS_NODE),
    /** An administrator sends a dead letter again, with a fresh set of attempts. */
    RESEND(ShareState.DEAD_LETTER, ShareState.PENDING, LeaseCondition.ANY),
    /** An administrator gives up on a dead letter, with a reason. */
    ABANDON(ShareState.DEAD_LETTER, ShareState.ABANDONED, LeaseCondition.ANY),
    /** Enough officers approved, or the policy in force now releases the share without approval. */
    RELEASE(ShareState.HELD, ShareState.PENDING, LeaseCondition.ANY),
    /**
     * The partner view changed while held: the policy in force now gives another, or an officer edited its
     * narrative. Earlier approvals stop counting.
     */
    REVIEW(ShareState.HELD, ShareState.HELD, LeaseCondition.ANY),
    /** An officer rejected the share. */
    REJECT(ShareState.HELD, ShareState.REJECTED, LeaseCondition.ANY),
    /** Nobody decided in time. */
    EXPIRE(ShareState.HELD, ShareState.EXPIRED, LeaseCondition.ANY),
    /** The policy in force now denies the held share. */
    DENY(ShareState.HELD, ShareState.DENIED, LeaseCondition.ANY);

    /** What a transition needs of the delivery lease; only PENDING shares ever have one. */
    public enum LeaseCondition {
        /** Not concerned with leases. */
        ANY,
        /** Nobody holds it, or its holder's lease ran out (a node that crashed). */
        FREE,
        /** This node holds it: only the node delivering records the attempt's outcome. */
        THIS_NODE
    }

    private final ShareState from;
    private final ShareState to;
    private final LeaseCondition lease;

    ShareTransition(ShareState from, ShareState to, LeaseCondition lease) {
        this.from = from;
        this.to = to;
        this.lease = lease;
    }

    public ShareState from() {
        return from;
    }

    public ShareState to() {
        return to;
    }

    public LeaseCondition lease() {
        return lease;
    }
}
