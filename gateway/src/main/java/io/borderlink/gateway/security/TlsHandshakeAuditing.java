package io.borderlink.gateway.security;

import java.security.GeneralSecurityException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.web.embedded.tomcat.TomcatConnectorCustomizer;

/**
 * Tomcat decides whom to trust during the handshake, before any request reaches Spring: a client whose
 * certificate it refuses would leave no trace. So the HTTPS connector gets its TLS context from the same
 * Spring Boot SSL bundle it was configured with (keys, trust store, protocol; which protocols, ciphers and
 * whether a certificate is wanted or needed stay as Boot set them on the connector), with the trust
 * managers reporting every refusal to {@link TlsClientRefusals}. Runs after Boot's own SSL customisation.
 * The management port, plain HTTP under prod, is not touched.
 */
final class TlsHandshakeAuditing implements TomcatConnectorCustomizer {

    private final SslBundle bundle;
    private final TlsClientRefusals refusals;

    TlsHandshakeAuditing(SslBundle bundle, TlsClientRefusals refusals) {
        this.bundle = bundle;
        this.refusals = refusals;
    }

    @Override
    public void customize(Connector connector) {
        if (!(connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) || !http.isSSLEnabled()) {
            return;
        }
        TomcatTlsContext context = context();
        for (SSLHostConfig host : http.findSslHostConfigs()) {
            for (SSLHostConfigCertificate certificate : host.getCertificates()) {
                certificate.setSslContext(context);
            }
        }
    }

    private TomcatTlsContext context() {
        KeyManager[] keys = bundle.getManagers().getKeyManagers();
        TrustManager[] trust = bundle.getManagers().getTrustManagers().clone();
        for (int i = 0; i < trust.length; i++) {
            if (trust[i] instanceof X509ExtendedTrustManager x509) {
                trust[i] = new AuditingTrustManager(x509, refusals);
            }
        }
        try {
            SSLContext context = SSLContext.getInstance(bundle.getProtocol());
            context.init(keys, trust, null);
            return new TomcatTlsContext(context, keys, trust);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "cannot build the TLS context of the HTTPS connector: " + e.getMessage(), e);
        }
    }
}
