package io.borderlink.gateway.intake;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.gateway.agency.Agency;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * An exchange that passed every intake check, with the evidence it arrived with.
 *
 * @param original the protected document as received
 * @param signed the decrypted document with the agency's signature, which still verifies
 * @param agency the agency that signed it, presented it over TLS and is named as originator
 */
public record VerifiedExchange(
        Exchange exchange,
        byte[] original,
        String originalDigest,
        byte[] signed,
        String signedDigest,
        X509Certificate signer,
        X509Certificate client,
        Agency agency,
        String channel,
        Instant receivedAt) {}
