package io.borderlink.crypto;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.stream.Collectors;

/**
 * Certificate paths of archived signatures, checked long after the fact and offline: the path to the
 * given anchors as it stood at the moment the signature was made or received. Unlike
 * {@link CertificateValidator} this checks no revocation: the gateway did when it accepted the document
 * (the audit trail records that), and an auditor's offline copy has no revocation data of its own.
 */
public final class ArchivedPaths {

    private ArchivedPaths() {}

    /** Builds and validates a path from the certificate to one of the anchors, at the given moment. */
    public static X509Certificate validateAt(
            X509Certificate certificate,
            Collection<X509Certificate> intermediates,
            Collection<X509Certificate> anchors,
            Instant at) {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(
                    anchors.stream().map(a -> new TrustAnchor(a, null)).collect(Collectors.toSet()), target);
            parameters.addCertStore(
                    CertStore.getInstance("Collection", new CollectionCertStoreParameters(intermediates)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult)
                    CertPathBuilder.getInstance("PKIX").build(parameters);
            return result.getTrustAnchor().getTrustedCert();
        } catch (CertPathBuilderException e) {
            throw new GatewayException(
                    ErrorCode.CERT_UNTRUSTED,
                    "no valid path from "
                            + certificate.getSubjectX500Principal().getName() + " to the trust anchors at " + at + ": "
                            + e.getMessage(),
                    e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new GatewayException(
                    ErrorCode.CERT_UNTRUSTED, "certificate path cannot be checked: " + e.getMessage(), e);
        }
    }
}
