package io.borderlink.gateway.exchange;

import io.borderlink.contracts.api.ShareStatus;
import io.borderlink.gateway.share.ShareState;
import java.util.List;

/** An exchange's overall state, derived from its shares rather than stored beside them. */
enum ExchangeState {
    /** Some share is still on its way to a partner. */
    IN_PROGRESS,
    /** Nothing is on its way; some share waits for a liaison officer. */
    AWAITING_APPROVAL,
    /**
     * Every share reached its end: delivered, handed over as a file (a one-way link may never answer), denied,
     * rejected, expired or dead-lettered.
     */
    COMPLETED;

    static ExchangeState of(List<ShareStatus> shares) {
        List<ShareState> states =
                shares.stream().map(s -> ShareState.valueOf(s.state())).toList();
        if (states.contains(ShareState.PENDING)) {
            return IN_PROGRESS;
        }
        return states.contains(ShareState.HELD) ? AWAITING_APPROVAL : COMPLETED;
    }
}
