package io.borderlink.gateway.share;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.util.UUID;

/**
 * A share transition its current state (or lease) does not allow; nothing was changed. Callers whose
 * API has its own answer for the case (a dead letter resent twice is DEAD_LETTER_CLOSED) map it.
 */
public class ShareStateConflict extends GatewayException {

    private final UUID shareId;
    private final ShareState state;
    private final ShareTransition transition;

    ShareStateConflict(UUID shareId, ShareState state, ShareTransition transition, String message) {
        super(ErrorCode.SHARE_STATE_CONFLICT, message);
        this.shareId = shareId;
        this.state = state;
        this.transition = transition;
    }

    public UUID shareId() {
        return shareId;
    }

    public ShareState state() {
        return state;
    }

    public ShareTransition transition() {
        return transition;
    }
}
