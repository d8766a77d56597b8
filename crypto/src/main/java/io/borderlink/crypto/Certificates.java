package io.borderlink.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * Loading certificates, CRLs and key stores, the fingerprints that identify certificates, and what a
 * certificate says about where its CRL is published.
 */
public final class Certificates {

    private static final String DEV_ONLY = "OU=DEV ONLY";

    private Certificates() {}

    public static List<X509Certificate> readCertificates(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return factory().generateCertificates(in).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("cannot read certificates from " + pem + ": " + e.getMessage(), e);
        }
    }

    public static X509Certificate readCertificate(Path pem) {
        List<X509Certificate> certificates = readCertificates(pem);
        if (certificates.size() != 1) {
            throw new IllegalStateException(pem + " must hold exactly one certificate, found " + certificates.size());
        }
        return certificates.get(0);
    }

    public static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) factory().generateCertificate(new java.io.ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not an X.509 certificate: " + e.getMessage(), e);
        }
    }

    /** Certificates from PEM (one or more) or DER bytes, such as a file of an evidence bundle. */
    public static List<X509Certificate> parseAll(byte[] pemOrDer) {
        try {
            return factory().generateCertificates(new ByteArrayInputStream(pemOrDer)).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not X.509 certificates: " + e.getMessage(), e);
        }
    }

    /** The certificates as PEM, in order, for people and tools that read them without Java. */
    public static String pem(List<X509Certificate> certificates) {
        StringBuilder pem = new StringBuilder();
        Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        for (X509Certificate certificate : certificates) {
            try {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(base64.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateException e) {
                throw new IllegalStateException("cannot encode certificate", e);
            }
        }
        return pem.toString();
    }

    public static List<X509CRL> readCrls(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return factory().generateCRLs(in).stream().map(X509CRL.class::cast).toList();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read CRLs from " + pem + ": " + e.getMessage(), e);
        }
    }

    /** Loads one key entry of a PKCS#12 key store; the password comes from configuration, never code. */
    public static SigningKey readKey(Path keystore, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            if (!(store.getKey(alias, password) instanceof PrivateKey key)) {
                throw new IllegalStateException(keystore + " has no private key under alias " + alias);
            }
            List<X509Certificate> chain = Arrays.stream(store.getCertificateChain(alias))
                    .map(X509Certificate.class::cast)
                    .toList();
            return new SigningKey(key, chain.get(0), chain);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read key store " + keystore + ": " + e.getMessage(), e);
        }
    }

    /** SHA-256 over the DER encoding, lower-case hex: how Borderlink names a certificate everywhere. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }

    /**
     * Development material (certs-dev/) says {@code OU=DEV ONLY} in its subject, or was issued by a CA that
     * says so: its private keys are public, so production refuses it.
     */
    public static boolean isDevelopmentCertificate(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName().contains(DEV_ONLY)
                || certificate.getIssuerX500Principal().getName().contains(DEV_ONLY);
    }

    /** A CRL of a development CA. */
    public static boolean isDevelopmentCrl(X509CRL crl) {
        return crl.getIssuerX500Principal().getName().contains(DEV_ONLY);
    }

    /** CRLs from PEM (one or more) or DER bytes, such as the answer of a CRL distribution point. */
    public static List<X509CRL> parseCrls(byte[] pemOrDer) {
        try {
            return factory().generateCRLs(new ByteArrayInputStream(pemOrDer)).stream()
                    .map(X509CRL.class::cast)
                    .toList();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not X.509 CRLs: " + e.getMessage(), e);
        }
    }

    /**
     * The HTTP and HTTPS addresses in the certificate's CRL distribution points extension, in order; other
     * names (LDAP, directory names) are left out, as is a certificate without the extension.
     */
    public static List<URI> crlDistributionPoints(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (extension == null) {
            return List.of();
        }
        List<URI> uris = new ArrayList<>();
        try {
            CRLDistPoint points = CRLDistPoint.getInstance(
                    ASN1OctetString.getInstance(extension).getOctets());
            for (DistributionPoint point : points.getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name == null || name.getType() != DistributionPointName.FULL_NAME) {
                    continue;
                }
                for (GeneralName general :
                        GeneralNames.getInstance(name.getName()).getNames()) {
                    if (general.getTagNo() == GeneralName.uniformResourceIdentifier) {
                        URI uri = URI.create(
                                DERIA5String.getInstance(general.getName()).getString());
                        if ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) {
                            uris.add(uri);
                        }
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unreadable CRL distribution points in " + certificate.getSubjectX500Principal() + ": "
                            + e.getMessage(),
                    e);
        }
        return List.copyOf(uris);
    }

    private static CertificateFactory factory() throws CertificateException {
        return CertificateFactory.getInstance("X.509");
    }
}
