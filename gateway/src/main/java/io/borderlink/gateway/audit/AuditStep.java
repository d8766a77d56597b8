package io.borderlink.gateway.audit;

/** The audited steps of the flows in the README, plus access decisions. */
public enum AuditStep {
    /** A document arrived and was verified, or refused with a code. */
    RECEIVE,
    /** The exchange and its shares were durably stored and the agency got its receipt. */
    ACCEPT,
    /** The decision for one partner: released, held or denied, with the rule. */
    DECIDE,
    TRANSLATE,
    PROTECT,
    /** One delivery attempt to a partner, and its outcome. */
    DELIVER,
    /** A share gave up after its last attempt and waits for an administrator. */
    DEAD_LETTER,
    /** A recipient's circuit opened, let probes through or closed again, on one node. */
    CIRCUIT,
    /** An administrator resent or abandoned a dead-lettered share. */
    DEAD_LETTER_ADMIN,
    /** A request was refused by access control. */
    ACCESS,
    /**
     * An officer's approval or rejection of a held share, its release once enough officers approved, its
     * expiry, or a policy change that voided earlier approvals.
     */
    APPROVAL,
    /** Partner configuration and policies were reloaded, or a change was refused. */
    POLICY,
    /** Someone asked what would happen to an exchange; nothing was sent. */
    DRY_RUN,
    /** A sweep of a feed the gateway fetches (INTERPOL notices): what it found, or a fetch that failed, with its code. */
    POLL,
    /** An auditor verified the chain; the outcome says whether it was intact, the detail what was found. */
    VERIFY,
    /** An auditor exported an evidence bundle; the digest is that of its signed manifest. */
    EXPORT,
    /**
     * Retention destroyed an exchange's evidence and its data key; the detail names the rule and the documents,
     * the digest is that of the inventory of what was destroyed (kept in {@code exchange_purge}).
     */
    PURGED,
    /** An auditor set or released a legal hold on an exchange: while one is active it is never purged. */
    LEGAL_HOLD,
    /** Data keys were rewrapped with the current key-encryption key after a rotation. */
    KEY_ROTATION,
    /**
     * The revocation data in force on one node changed: a CRL arrived (from the CRL folder or a distribution
     * point), or one passed its nextUpdate, so the certificates under it are refused until a fresh one comes.
     */
    TRUST,
    /**
     * A file from a file-drop import folder (docs/air-gap.md): a message imported, a receipt or manifest
     * applied, a duplicate dropped, a file quarantined with its code, or a gap in the sender's numbers.
     */
    IMPORT
}
