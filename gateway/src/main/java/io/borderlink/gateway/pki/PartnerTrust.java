package io.borderlink.gateway.pki;

import io.borderlink.crypto.CertificateValidator;
import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.TrustDomain;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One trust domain per partner, anchored at the partner's own root CA, so that no partner's CA can
 * vouch for another partner or for an agency. Built on first use and kept per root file: a reload that
 * names another root gets a new domain.
 */
public final class PartnerTrust {

    private final PkiConfiguration.Crls crls;
    private final Clock clock;
    private final Duration cacheFor;
    private final Map<Path, CertificateValidator> validators = new ConcurrentHashMap<>();

    PartnerTrust(PkiConfiguration.Crls crls, Clock clock, Duration cacheFor) {
        this.crls = crls;
        this.clock = clock;
        this.cacheFor = cacheFor;
    }

    /** Validates the certificate's path to the partner's root with revocation, or throws with a CERT_ code. */
    public void validatePath(String partnerId, Path trustAnchor, X509Certificate certificate) {
        validators
                .computeIfAbsent(
                        trustAnchor,
                        anchor -> new CertificateValidator(
                                new TrustDomain(
                                        "partner " + partnerId,
                                        List.of(Certificates.readCertificate(anchor)),
                                        List.of(),
                                        crls.all()),
                                clock,
                                cacheFor))
                .validatePath(certificate);
    }
}
