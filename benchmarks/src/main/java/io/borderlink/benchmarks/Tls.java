package io.borderlink.benchmarks;

import io.borderlink.crypto.SigningKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Mutual-TLS contexts from the development PKI. */
final class Tls {

    private Tls() {}

    /** Presents {@code identity} and trusts only {@code anchor}: an agency talking to the gateway. */
    static SSLContext client(SigningKey identity, X509Certificate anchor) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("anchor", anchor);
            return context(identityStore(identity), new char[0], trusted);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up client TLS", e);
        }
    }

    /** Serves the key of a PKCS#12 file and trusts the certificates of a PKCS#12 trust store. */
    static SSLContext server(Path keystore, Path truststore, char[] password) {
        try {
            return context(load(keystore, password), password, load(truststore, password));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up server TLS from " + keystore, e);
        }
    }

    private static KeyStore identityStore(SigningKey identity) throws GeneralSecurityException, IOException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry(
                "identity", identity.privateKey(), new char[0], identity.chain().toArray(Certificate[]::new));
        return keys;
    }

    private static KeyStore load(Path file, char[] password) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    private static SSLContext context(KeyStore keys, char[] keyPassword, KeyStore trusted)
            throws GeneralSecurityException {
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, keyPassword);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }
}
