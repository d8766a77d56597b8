package io.borderlink.gateway.audit;

import java.time.Instant;

/**
 * A signed head of the chain as stored: the statement is the compact JWS the other fields were taken
 * from, and the anchor, if any, the TSA's token over that statement.
 */
public record Checkpoint(
        long id,
        long seq,
        String chainHash,
        Instant signedAt,
        String signerCertificate,
        String statement,
        Anchor anchor) {

    /** An RFC 3161 time-stamp token (DER) over the checkpoint's statement. */
    public record Anchor(String tsa, Instant stampedAt, byte[] token) {}
}
