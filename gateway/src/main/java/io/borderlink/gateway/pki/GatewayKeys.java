package io.borderlink.gateway.pki;

import io.borderlink.crypto.SigningKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The gateway's own private keys, loaded once at start-up: an RSA pair (signing, encryption) that
 * everyone can use, optionally an elliptic-curve pair for agencies and partners whose PKI is EC only, and
 * the key that signs audit checkpoints. Each recipient gets the signature it reads: an EC recipient one by
 * the EC signing key, when there is one. Intake decrypts with whichever encryption key a document addresses.
 *
 * @param signing the RSA key that signs (and authenticates the gateway over TLS)
 * @param encryption the RSA key senders may encrypt to
 * @param ecSigning the EC key that signs for EC recipients, if configured
 * @param ecEncryption the EC key senders may agree content keys with (ECDH-ES), if configured
 * @param auditCheckpoint the key that signs audit checkpoints and nothing else, if configured (always under prod)
 * @param retiredCheckpointSigners certificates of keys that signed this trail's checkpoints before
 */
public record GatewayKeys(
        SigningKey signing,
        SigningKey encryption,
        Optional<SigningKey> ecSigning,
        Optional<SigningKey> ecEncryption,
        Optional<SigningKey> auditCheckpoint,
        List<X509Certificate> retiredCheckpointSigners) {

    public GatewayKeys {
        retiredCheckpointSigners = List.copyOf(retiredCheckpointSigners);
    }

    public GatewayKeys(SigningKey signing, SigningKey encryption) {
        this(signing, encryption, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /** Signs audit checkpoints: the key of their own, or, outside prod without one, the signing key. */
    public SigningKey checkpointSigning() {
        return auditCheckpoint.orElse(signing);
    }

    /**
     * The certificates whose checkpoint signatures the gateway's own verification accepts, the current one
     * first; each checkpoint names its signer's fingerprint, so a rotated key's checkpoints still verify.
     */
    public List<X509Certificate> checkpointSigners() {
        Set<X509Certificate> signers = new LinkedHashSet<>();
        signers.add(checkpointSigning().certificate());
        signers.addAll(retiredCheckpointSigners);
        return List.copyOf(signers);
    }

    /** The key whose signature this recipient's stack reads: EC for an EC certificate, when the gateway has one. */
    public SigningKey signingFor(X509Certificate recipient) {
        return recipient.getPublicKey() instanceof ECKey ? ecSigning.orElse(signing) : signing;
    }

    /** Every key a sender may have encrypted to; the document says which one it addresses. */
    public List<SigningKey> decryption() {
        List<SigningKey> keys = new ArrayList<>(List.of(encryption));
        ecEncryption.ifPresent(keys::add);
        return List.copyOf(keys);
    }

    /**
     * The signing key's chain, then the EC signing key's certificates that chain lacks: what an offline
     * verifier needs to check every signature of the gateway (the first certificate is the main signer).
     */
    public List<X509Certificate> signingChains() {
        Set<X509Certificate> chains = new LinkedHashSet<>(signing.chain());
        ecSigning.ifPresent(k -> chains.addAll(k.chain()));
        return List.copyOf(chains);
    }

    List<SigningKey> all() {
        List<SigningKey> keys = new ArrayList<>(List.of(signing, encryption));
        ecSigning.ifPresent(keys::add);
        ecEncryption.ifPresent(keys::add);
        auditCheckpoint.ifPresent(keys::add);
        return keys;
    }
}
