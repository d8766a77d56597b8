package io.borderlink.gateway.submission;

import io.borderlink.contracts.error.GatewayException;
import java.util.UUID;

/**
 * An intake refusal with what we knew of the submission when it was refused, so that the audit event
 * can name it. The exchange id is the one the document claims: it may not have been verified.
 */
public class RejectedSubmissionException extends GatewayException {

    private final UUID claimedExchangeId;
    private final String digest;

    public RejectedSubmissionException(GatewayException cause, UUID claimedExchangeId, String digest) {
        super(cause.code(), cause.getMessage(), cause);
        this.claimedExchangeId = claimedExchangeId;
        this.digest = digest;
    }

    public UUID claimedExchangeId() {
        return claimedExchangeId;
    }

    public String digest() {
        return digest;
    }
}
