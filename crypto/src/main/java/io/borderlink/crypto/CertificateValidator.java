package io.borderlink.crypto;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PKIX path validation to one {@link TrustDomain} with revocation required (docs/security.md, certificates): a
 * certificate whose revocation status cannot be established is refused. Successful validations are
 * remembered for a short while because every message would otherwise repeat the same path work.
 */
public final class CertificateValidator {

    private static final int MAX_PATH_LENGTH = 6;

    private final TrustDomain domain;
    private final Clock clock;
    private final Duration cacheFor;
    private final Set<TrustAnchor> anchors;
    private final CertStore store;
    private final Map<String, Instant> validUntil = new ConcurrentHashMap<>();

    public CertificateValidator(TrustDomain domain, Clock clock, Duration cacheFor) {
        this.domain = domain;
        this.clock = clock;
        this.cacheFor = cacheFor;
        this.anchors = domain.trustAnchors();
        List<Object> material = new ArrayList<>(domain.intermediates());
        material.addAll(domain.crls());
        try {
            this.store = CertStore.getInstance("Collection", new CollectionCertStoreParameters(material));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the certificate store of " + domain.name(), e);
        }
    }

    public TrustDomain domain() {
        return domain;
    }

    /**
     * Validates the certificate's path to this domain, or throws with CERT_UNTRUSTED, CERT_EXPIRED, CERT_REVOKED or
     * REVOCATION_UNKNOWN.
     */
    public void validatePath(X509Certificate certificate) {
        Instant now = clock.instant();
        String fingerprint = Certificates.fingerprint(certificate);
        Instant cached = validUntil.get(fingerprint);
        if (cached != null && now.isBefore(cached)) {
            return;
        }
        try {
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(chainOf(certificate));
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.addCertStore(store);
            parameters.setRevocationEnabled(true);
            parameters.setDate(Date.from(now));
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
        } catch (CertPathValidatorException e) {
            throw classify(certificate, e);
        } catch (GeneralSecurityException e) {
            throw new GatewayException(
                    ErrorCode.CERT_UNTRUSTED, "certificate path cannot be checked: " + e.getMessage(), e);
        }
        Instant expiry = certificate.getNotAfter().toInstant();
        Instant until = now.plus(cacheFor);
        validUntil.put(fingerprint, until.isBefore(expiry) ? until : expiry);
    }

    /** Drops remembered validations, for example after new CRLs were loaded. */
    public void forget() {
        validUntil.clear();
    }

    /** Builds leaf → intermediates (without the anchor) by issuer name and signature, refusing anything unchained. */
    private List<X509Certificate> chainOf(X509Certificate leaf) {
        List<X509Certificate> chain = new ArrayList<>();
        X509Certificate current = leaf;
        chain.add(current);
        while (chain.size() <= MAX_PATH_LENGTH) {
            if (issuedByAnchor(current)) {
                return chain;
            }
            X509Certificate issuer = issuerAmong(domain.intermediates(), current);
            if (issuer == null || chain.contains(issuer)) {
                break;
            }
            chain.add(issuer);
            current = issuer;
        }
        throw new GatewayException(
                ErrorCode.CERT_UNTRUSTED,
                "no path from " + leaf.getSubjectX500Principal().getName() + " to the " + domain.name()
                        + " trust anchors");
    }

    private boolean issuedByAnchor(X509Certificate certificate) {
        return issuerAmong(domain.anchors(), certificate) != null;
    }

    private static X509Certificate issuerAmong(List<X509Certificate> candidates, X509Certificate certificate) {
        for (X509Certificate candidate : candidates) {
            if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                try {
                    certificate.verify(candidate.getPublicKey());
                    return candidate;
                } catch (GeneralSecurityException e) {
                    // Same name, different key: not this issuer.
                }
            }
        }
        return null;
    }

    private GatewayException classify(X509Certificate certificate, CertPathValidatorException e) {
        String subject = certificate.getSubjectX500Principal().getName();
        if (e.getReason() == BasicReason.EXPIRED || e.getReason() == BasicReason.NOT_YET_VALID) {
            return new GatewayException(ErrorCode.CERT_EXPIRED, "certificate outside its validity: " + subject, e);
        }
        if (e.getReason() == BasicReason.REVOKED) {
            return new GatewayException(ErrorCode.CERT_REVOKED, "certificate revoked: " + subject, e);
        }
        if (e.getReason() == BasicReason.UNDETERMINED_REVOCATION_STATUS) {
            return new GatewayException(
                    ErrorCode.REVOCATION_UNKNOWN,
                    "revocation status of " + subject + " unknown: no current CRL for an issuer in its path",
                    e);
        }
        return new GatewayException(
                ErrorCode.CERT_UNTRUSTED, "certificate path invalid for " + subject + ": " + e.getMessage(), e);
    }
}
