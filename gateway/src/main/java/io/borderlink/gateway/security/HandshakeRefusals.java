package io.borderlink.gateway.security;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.gateway.submission.SubmissionRejections;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * A client whose certificate the TLS layer refuses never reaches Spring Security, so nothing else would
 * audit it. Tomcat is given a trust manager of ours ({@link Auditing}) that asks the server bundle's own
 * trust manager and, when it refuses, audits the certificate's fingerprint, subject and the reason before
 * the handshake fails. Identical refusals are aggregated like every other ({@code RefusalFloods}).
 */
@Component
class HandshakeRefusals implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    /** Tomcat instantiates trust managers by class name, so the one it makes finds its delegate here. */
    private static volatile X509ExtendedTrustManager delegate;

    private static volatile SubmissionRejections rejections;

    HandshakeRefusals(SslBundles bundles, SubmissionRejections rejections) {
        for (TrustManager manager : bundles.getBundle("server")
                .getManagers()
                .getTrustManagerFactory()
                .getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                HandshakeRefusals.delegate = x509;
            }
        }
        HandshakeRefusals.rejections = rejections;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            for (SSLHostConfig host : connector.findSslHostConfigs()) {
                host.setTrustManagerClassName(Auditing.class.getName());
            }
        });
    }

    private static void refused(X509Certificate[] chain, CertificateException e) {
        SubmissionRejections sink = rejections;
        if (sink != null && chain != null && chain.length > 0) {
            sink.record(
                    null,
                    null,
                    chain[0],
                    ErrorCode.CERT_UNTRUSTED,
                    "TLS handshake refused for "
                            + chain[0].getSubjectX500Principal().getName() + ": " + e.getMessage());
        }
    }

    /** The server's client-certificate check, audited when it refuses. */
    public static final class Auditing extends X509ExtendedTrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                delegate.checkClientTrusted(chain, authType);
            } catch (CertificateException e) {
                refused(chain, e);
                throw e;
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            try {
                delegate.checkClientTrusted(chain, authType, socket);
            } catch (CertificateException e) {
                refused(chain, e);
                throw e;
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            try {
                delegate.checkClientTrusted(chain, authType, engine);
            } catch (CertificateException e) {
                refused(chain, e);
                throw e;
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            delegate.checkServerTrusted(chain, authType, socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate.checkServerTrusted(chain, authType, engine);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }
}
