package io.borderlink.testkit;

import io.borderlink.crypto.TlsContexts;
import java.io.IOException;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS as the development identities speak it: each presents its own certs-dev key and trusts one root of
 * certs-dev/ca, by default the national root, to which the gateway's server and client certificates chain.
 * The same context serves an agency calling the gateway and a stub the gateway calls.
 */
public final class DevTls {

    private static final String NATIONAL_ROOT = "national-root";

    private DevTls() {}

    /** Presents {@code certs-dev/<identity>.p12}; trusts the national root. */
    public static SSLContext as(String identity) {
        return as(identity, NATIONAL_ROOT);
    }

    /** Presents {@code certs-dev/<identity>.p12}; trusts {@code certs-dev/ca/<root>.crt.pem}. */
    public static SSLContext as(String identity, String root) {
        return TlsContexts.mutual(DevPki.key(identity), List.of(DevPki.ca(root)));
    }

    /** Presents no certificate; trusts the national root (health checks and metrics). */
    public static SSLContext anonymous() {
        return anonymous(NATIONAL_ROOT);
    }

    /** Presents no certificate; trusts {@code certs-dev/ca/<root>.crt.pem}. */
    public static SSLContext anonymous(String root) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry(root, DevPki.ca(root));
            TrustManagerFactory trustManagers =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS trusting " + root, e);
        }
    }

    /** An HTTP client of {@link #as(String)}. */
    public static HttpClient client(String identity) {
        return client(as(identity));
    }

    public static HttpClient client(SSLContext context) {
        return HttpClient.newBuilder()
                .sslContext(context)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }
}
