package io.borderlink.contracts.api;

import java.time.Instant;
import java.util.UUID;

/**
 * What an agency (or a partner pushing to us) gets back once its exchange is durably stored. {@code duplicate}
 * is true when the same exchange was submitted before: the original receipt is repeated and nothing is
 * processed twice.
 *
 * @param receipt the same, signed by the gateway: a compact JWS for REST clients, a signed XML document
 *     for SOAP clients and for partners whose format defines its receipt (contracts/PROFILE.md §7)
 */
public record Receipt(UUID exchangeId, String state, Instant receivedAt, boolean duplicate, String receipt) {

    public Receipt(UUID exchangeId, String state, Instant receivedAt, boolean duplicate) {
        this(exchangeId, state, receivedAt, duplicate, null);
    }

    public Receipt signed(String signedReceipt) {
        return new Receipt(exchangeId, state, receivedAt, duplicate, signedReceipt);
    }
}
