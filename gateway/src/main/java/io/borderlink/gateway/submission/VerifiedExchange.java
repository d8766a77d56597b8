package io.borderlink.gateway.submission;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.gateway.partner.Direction;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * An exchange that passed every intake check, with the evidence it arrived with: from an agency
 * (outbound) or, translated to the canonical form, from a partner (inbound).
 *
 * @param original the document as received (protected, or as the partner's feed served it)
 * @param signed the decrypted document whose signature still verifies, in its exclusive canonical form: the
 *     same signed content sent again, however serialized, is the same bytes and digest (a resubmission, not a
 *     replay with other content); for a feed that signs nothing, the same bytes as the original
 * @param mediaType what the original and signed documents are: XML from agencies and pushing partners,
 *     JSON from the INTERPOL feed
 * @param signer whose signature was verified; null for a feed that signs nothing
 * @param client the TLS client that delivered it; null for what the gateway fetched itself
 * @param sender the agency, or partner, that signed it, presented it and is named as originator
 */
public record VerifiedExchange(
        Exchange exchange,
        byte[] original,
        String originalDigest,
        byte[] signed,
        String signedDigest,
        String mediaType,
        X509Certificate signer,
        X509Certificate client,
        String sender,
        Direction direction,
        String channel,
        Instant receivedAt) {}
