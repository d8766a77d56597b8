package io.borderlink.gateway.share;

/**
 * Where one partner's (or, inbound, one agency's) share stands, as stored in {@code share.state} and shown
 * by the status API and the console. {@link ShareLifecycle} says which changes each state allows.
 */
public enum ShareState {
    /**
     * Waiting for its next delivery attempt (the first, or a retry after backoff); while a node holds its
     * lease the attempt is in flight.
     */
    PENDING,
    /** Waiting for a liaison officer's approval. */
    HELD,
    /**
     * Written as a file to the recipient's export folder (file drop, docs/air-gap.md): handed over to a link
     * that gives no answer. DELIVERED once the recipient's signed receipt file comes back, if it ever does.
     */
    HANDED_OVER,
    DELIVERED,
    /** Every attempt failed, or the partner refused it; an administrator decides what happens next. */
    DEAD_LETTER,
    /** An administrator gave up on a dead letter, with a reason; it is never sent. */
    ABANDONED,
    DENIED,
    REJECTED,
    EXPIRED
}
