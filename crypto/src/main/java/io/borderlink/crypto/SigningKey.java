package io.borderlink.crypto;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A private key with its certificate and chain, as loaded once from a PKCS#12 key store. */
public record SigningKey(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {

    public SigningKey {
        chain = List.copyOf(chain);
    }

    /** Development keys from certs-dev carry {@code OU=DEV ONLY}; production refuses to start with them. */
    public boolean isDevelopmentKey() {
        return Certificates.isDevelopmentCertificate(certificate);
    }
}
