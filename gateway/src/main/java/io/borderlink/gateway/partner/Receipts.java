package io.borderlink.gateway.partner;

/** Whether a recipient's delivery counts only with its signed receipt ({@code receipts:} in its file). */
public enum Receipts {
    /** An answer without a signed receipt that verifies is a failed attempt ({@code RECEIPT_INVALID}). */
    REQUIRED,
    /**
     * An answer without a receipt is accepted as it is (kept as evidence, unsigned); a receipt that is there
     * must still verify.
     */
    OPTIONAL
}
