package io.borderlink.gateway.exchange;

import java.util.Set;

/** Where one partner's share stands. Terminal states never change again without an administrator. */
public enum ShareState {
    /** Waiting for its next delivery attempt (the first, or a retry after backoff). */
    PENDING,
    /** Waiting for a liaison officer's approval. */
    HELD,
    DELIVERED,
    /** Every attempt failed, or the partner refused it; an administrator decides what happens next. */
    DEAD_LETTER,
    /** An administrator gave up on a dead letter, with a reason; it is never sent. */
    ABANDONED,
    DENIED,
    REJECTED,
    EXPIRED;

    private static final Set<ShareState> TERMINAL =
            Set.of(DELIVERED, DEAD_LETTER, ABANDONED, DENIED, REJECTED, EXPIRED);

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }
}
