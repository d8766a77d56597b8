package io.borderlink.contracts.error;

/**
 * Root of every failure Borderlink reports. It always carries a stable {@link ErrorCode}; the
 * message is for logs and the audit trail, never a substitute for the code.
 */
public class GatewayException extends RuntimeException {

    private final ErrorCode code;

    public GatewayException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public GatewayException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
