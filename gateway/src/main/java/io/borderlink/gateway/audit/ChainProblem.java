package io.borderlink.gateway.audit;

/**
 * What is wrong with the chain, and where: the sequence number of the first entry that cannot be trusted.
 *
 * @param seq the first bad entry (for {@link Kind#UNCHAINED}, 0: the event never got one)
 */
public record ChainProblem(Kind kind, long seq, String detail) {

    public enum Kind {
        /** An event's fields, or an entry's hashes, no longer match what was chained. */
        CHANGED,
        /** Entries or events were removed from the middle of the chain. */
        MISSING,
        /** Entries that were never chained by the gateway were slipped in. */
        INSERTED,
        /** Entries are in another order than they were chained in. */
        REORDERED,
        /** The chain ends before a signed checkpoint: entries were removed from its end. */
        TRUNCATED,
        /** The chain was recomputed after a checkpoint was signed: it no longer has the hash signed then. */
        REWRITTEN,
        /** An event in the table was never chained and is not waiting to be: it was not written by the gateway. */
        UNCHAINED,
        /** A checkpoint's signature does not verify, or its statement does not say what its row says. */
        CHECKPOINT_INVALID
    }

    @Override
    public String toString() {
        return kind + (seq > 0 ? " at entry " + seq : "") + ": " + detail;
    }
}
