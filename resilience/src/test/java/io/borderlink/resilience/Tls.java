package io.borderlink.resilience;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** HTTPS clients for the gateway: trusting the development national root, with a certs-dev identity or none. */
final class Tls {

    private static final char[] PASSWORD = "changeit".toCharArray();

    private Tls() {}

    /** A client that presents {@code certs-dev/<identity>.p12}, or no certificate when identity is null. */
    static HttpClient client(String identity) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            try (InputStream root = Files.newInputStream(Path.of("certs-dev/ca/national-root.crt.pem"))) {
                trust.setCertificateEntry(
                        "national-root", CertificateFactory.getInstance("X.509").generateCertificate(root));
            }
            TrustManagerFactory trustManagers =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            KeyStore keys = KeyStore.getInstance("PKCS12");
            if (identity == null) {
                keys.load(null, null);
            } else {
                try (InputStream p12 = Files.newInputStream(Path.of("certs-dev", identity + ".p12"))) {
                    keys.load(p12, PASSWORD);
                }
            }
            keyManagers.init(keys, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
            return HttpClient.newBuilder()
                    .sslContext(context)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException("could not set up TLS for " + identity, e);
        }
    }
}
