package io.borderlink.crypto;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** TLS contexts for mutual TLS: our own key and chain on one side, exactly the given trust anchors on the other. */
public final class TlsContexts {

    private TlsContexts() {}

    /**
     * What the caller checks of a server's certificate once the JDK found its path to the anchors and its
     * name right: typically revocation, which the JDK's TLS stack does not check by default. A refusal is a
     * {@link CertificateException}, whose cause says why.
     */
    @FunctionalInterface
    public interface ServerCheck {
        void check(X509Certificate server) throws CertificateException;
    }

    public static SSLContext mutual(SigningKey identity, List<X509Certificate> anchors) {
        return mutual(identity, anchors, server -> {});
    }

    /** The same, with {@code check} run on every server certificate after the JDK's own checks. */
    public static SSLContext mutual(SigningKey identity, List<X509Certificate> anchors, ServerCheck check) {
        try {
            char[] none = new char[0];
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry(
                    "identity", identity.privateKey(), none, identity.chain().toArray(Certificate[]::new));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, none);

            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            for (int i = 0; i < anchors.size(); i++) {
                trusted.setCertificateEntry("anchor-" + i, anchors.get(i));
            }
            TrustManagerFactory trustManagers =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trusted);

            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), checked(trustManagers.getTrustManagers(), check), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(
                    "cannot set up mutual TLS for "
                            + identity.certificate().getSubjectX500Principal().getName(),
                    e);
        }
    }

    private static TrustManager[] checked(TrustManager[] managers, ServerCheck check) {
        TrustManager[] wrapped = managers.clone();
        for (int i = 0; i < wrapped.length; i++) {
            if (wrapped[i] instanceof X509ExtendedTrustManager pkix) {
                wrapped[i] = new CheckedTrustManager(pkix, check);
            }
        }
        return wrapped;
    }

    /** The JDK's trust manager (path, validity, host name), then the caller's check of the server. */
    private static final class CheckedTrustManager extends X509ExtendedTrustManager {

        private final X509ExtendedTrustManager pkix;
        private final ServerCheck check;

        CheckedTrustManager(X509ExtendedTrustManager pkix, ServerCheck check) {
            this.pkix = pkix;
            this.check = check;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            pkix.checkServerTrusted(chain, authType, engine);
            check.check(chain[0]);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            pkix.checkServerTrusted(chain, authType, socket);
            check.check(chain[0]);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            pkix.checkServerTrusted(chain, authType);
            check.check(chain[0]);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            pkix.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            pkix.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            pkix.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return pkix.getAcceptedIssuers();
        }
    }
}
