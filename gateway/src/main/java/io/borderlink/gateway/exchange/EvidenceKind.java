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
    SENT
}
