package io.borderlink.gateway.exchange;

/** The documents kept as evidence for an exchange. */
public enum EvidenceKind {
    /** The protected document exactly as the agency submitted it. */
    PROTECTED_ORIGINAL,
    /** The decrypted document with the agency's signature, which re-verifies offline. */
    SIGNED_ORIGINAL,
    /** The canonical partner view a decision released or held. */
    PARTNER_VIEW,
    /** The signed and encrypted message a partner accepted. */
    SENT,
    /**
     * That message signed by the gateway but before encryption to the partner: an auditor verifies the
     * gateway's signature on it without the partner's key.
     */
    SENT_SIGNED,
    /** What the recipient answered when it accepted the message (its receipt), exactly as received. */
    RECEIPT,
    /**
     * The recipient's signed receipt taken out of that answer, verified: its signature, its signer's path to
     * the recipient's root, the message id and the digest of what was sent.
     */
    PARTNER_RECEIPT
}
