package io.borderlink.contracts.error;

/**
 * Stable error codes. Callers, operators and auditors key on these strings, so a code is never
 * renamed or reused; {@link #status()} is the HTTP status the REST API answers with.
 */
public enum ErrorCode {
    MESSAGE_TOO_LARGE(413),
    /**
     * The body is not in the media type the endpoint declares (a form, multipart or attachments where the
     * profile has none): refused before it is read.
     */
    MEDIA_TYPE_UNSUPPORTED(415),
    /**
     * A state-changing request a browser made on its own: another site's origin, or a cross-site fetch
     * carrying the client certificate the browser presents automatically.
     */
    CROSS_SITE_REFUSED(403),
    XML_MALFORMED(400),
    XML_DTD_FORBIDDEN(400),
    XML_LIMIT_EXCEEDED(400),
    SCHEMA_INVALID(400),
    /** The document does not have the shape the protection profile prescribes (contracts/PROFILE.md). */
    PROFILE_VIOLATION(400),
    ALGORITHM_NOT_ALLOWED(400),
    /** Every decryption failure, whatever its cause: one code so that errors are no oracle. */
    DECRYPTION_FAILED(400),
    SIGNATURE_INVALID(400),
    /** The signature is valid but does not cover the whole document as the profile requires. */
    SIGNATURE_SCOPE_INVALID(400),
    CERT_UNTRUSTED(403),
    CERT_EXPIRED(403),
    CERT_REVOKED(403),
    /**
     * Whether the certificate is revoked cannot be established: there is no current CRL for an issuer in its
     * path (none was loaded, or the one loaded is past its nextUpdate). Refused until a fresh CRL arrives.
     */
    REVOCATION_UNKNOWN(403),
    /** TLS client, signer and header originator are not one and the same registered agency. */
    ORIGINATOR_MISMATCH(403),
    EXCHANGE_REPLAYED(409),
    EXCHANGE_STALE(400),
    EXCHANGE_FROM_FUTURE(400),
    NOT_FOUND(404),
    ACCESS_DENIED(403),
    /** A partner could not be reached or answered with a server error; delivery is retried. */
    PARTNER_UNAVAILABLE(502),
    /** A partner refused the delivery with a client error; retrying would not help. */
    PARTNER_REJECTED(502),
    /**
     * A recipient accepted a delivery without a signed receipt that verifies under its own root and names
     * the message and the digest of what was sent; the delivery is not counted as delivered and is retried.
     */
    RECEIPT_INVALID(502),
    /** The approval task is no longer open: already decided, rejected, expired or denied by a new policy. */
    APPROVAL_CLOSED(409),
    /** This officer may not decide this task: not an officer, or from the agency that originated it. */
    APPROVAL_NOT_ALLOWED(403),
    /** This officer already approved this partner view; a second approval by the same person never counts. */
    APPROVAL_DUPLICATE(409),
    /** The partner view changed since it was shown (for example after a policy reload); review it again. */
    VIEW_CHANGED(409),
    /**
     * The recipient's policy lets no narrative leave (its narrative rule is DROP), so there is no outgoing
     * narrative an officer could edit or release.
     */
    NARRATIVE_NOT_RELEASABLE(409),
    /** An approval or rejection needs a reason, in words, of at most 1,000 characters. */
    REASON_REQUIRED(400),
    /** The share is not a dead letter (any more): it was resent, abandoned or delivered meanwhile. */
    DEAD_LETTER_CLOSED(409),
    /**
     * A share was asked for a change its current state does not allow (a delivery recorded after another
     * node took the lease over, a dead letter resent twice); nothing was changed.
     */
    SHARE_STATE_CONFLICT(409),
    /** A request parameter or path segment is missing or malformed (e.g. an id that is not a UUID). */
    REQUEST_INVALID(400),
    /** The resource exists but does not take this HTTP method (the {@code Allow} header lists those it takes). */
    METHOD_NOT_ALLOWED(405),
    /** The resource cannot answer in any media type the request's {@code Accept} allows. */
    NOT_ACCEPTABLE(406),
    /** The database cannot be reached: nothing was stored, so nothing was accepted; try again later. */
    STORE_UNAVAILABLE(503),
    /**
     * The node is at capacity: the submission waited its turn for longer than the intake allows and was not
     * processed, so nothing was stored; submit again later (the same exchange id is safe to resubmit).
     */
    INTAKE_BUSY(503),
    /** A polled feed's listing could not be read whole (a query stayed over the cap): nothing is withdrawn. */
    FEED_INCOMPLETE(502),
    /** The audit chain failed verification; the report names the first bad entry. Audited, never answered. */
    AUDIT_CHAIN_BROKEN(500),
    /** A configuration file (partner, agency, policy) is invalid; the message names file, line and problem. */
    CONFIGURATION_INVALID(400),
    /**
     * A bound confidentiality label's binding does not hold: its signature fails (the label or the data it
     * binds changed, or one was swapped, after binding), it is not the document signer's, or it does not cover
     * exactly the label and this document's Body.
     */
    LABEL_BINDING_INVALID(400),
    /** The document carries both markings and a bound label, and they say different things. */
    LABEL_MARKINGS_MISMATCH(400),
    /** A label is written under a security policy the gateway has no description of (config/label-policies). */
    LABEL_POLICY_UNKNOWN(400),
    /** A label's classification, category or category value is not one its policy defines. */
    LABEL_VALUE_UNKNOWN(400),
    /**
     * A file in a file-drop import folder is not one the transport writes: an unknown name, a sequence number
     * already used for other content, or a digest other than its signed manifest lists. It is quarantined.
     */
    TRANSFER_FILE_INVALID(400),
    /**
     * A client's certificate was refused during the TLS handshake (an issuer the gateway does not trust, expired,
     * not yet valid): audited with its fingerprint, subject and reason, never answered, as no connection exists.
     */
    TLS_CLIENT_REFUSED(403),
    /** Many identical refusals in a short time, audited as one event with their count (never answered). */
    REFUSALS_AGGREGATED(429),
    INTERNAL_ERROR(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /**
     * What a partner's (or a feed's) non-2xx HTTP answer means: unavailable when a later attempt may succeed
     * (5xx, 408 timeout, 429 too many requests), otherwise a refusal that no retry cures.
     */
    public static ErrorCode ofPartnerStatus(int httpStatus) {
        boolean transientFailure = httpStatus >= 500 || httpStatus == 408 || httpStatus == 429;
        return transientFailure ? PARTNER_UNAVAILABLE : PARTNER_REJECTED;
    }
}
