package io.borderlink.crypto;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What a certificate may be used for, checked where it is used: a key certified only for encryption must not
 * sign, one certified for TLS servers must not authenticate a client. A certificate without the extension is
 * unrestricted (RFC 5280 §4.2.1.3, §4.2.1.12); one with it must name the use.
 */
public final class KeyUsages {

    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_AGREEMENT = 4;
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String ANY_EXTENDED = "2.5.29.37.0";

    private KeyUsages() {}

    /** A signer's certificate must allow digital signatures (or non-repudiation, its content commitment). */
    public static void requireSigning(X509Certificate certificate) {
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !bit(usage, DIGITAL_SIGNATURE) && !bit(usage, NON_REPUDIATION)) {
            throw refused(certificate, "is not certified for digital signatures");
        }
    }

    /** A recipient's certificate must allow key encipherment (RSA) or key agreement (EC). */
    public static void requireEncryption(X509Certificate certificate) {
        boolean[] usage = certificate.getKeyUsage();
        int needed = EllipticCurves.isEc(certificate) ? KEY_AGREEMENT : KEY_ENCIPHERMENT;
        if (usage != null && !bit(usage, needed)) {
            throw refused(
                    certificate,
                    "is not certified for " + (needed == KEY_AGREEMENT ? "key agreement" : "key encipherment"));
        }
    }

    /** A TLS client's certificate must allow TLS client authentication. */
    public static void requireTlsClient(X509Certificate certificate) {
        requireExtended(certificate, CLIENT_AUTH, "TLS client authentication");
    }

    /** A TLS server's certificate must allow TLS server authentication. */
    public static void requireTlsServer(X509Certificate certificate) {
        requireExtended(certificate, SERVER_AUTH, "TLS server authentication");
    }

    private static void requireExtended(X509Certificate certificate, String purpose, String what) {
        List<String> purposes;
        try {
            purposes = certificate.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            throw new GatewayException(ErrorCode.CERT_UNTRUSTED, "unreadable extended key usage", e);
        }
        if (purposes != null && !purposes.contains(purpose) && !purposes.contains(ANY_EXTENDED)) {
            throw refused(certificate, "is not certified for " + what);
        }
    }

    private static boolean bit(boolean[] usage, int index) {
        return usage.length > index && usage[index];
    }

    private static GatewayException refused(X509Certificate certificate, String why) {
        return new GatewayException(
                ErrorCode.CERT_UNTRUSTED,
                "certificate " + certificate.getSubjectX500Principal().getName() + " " + why);
    }
}
