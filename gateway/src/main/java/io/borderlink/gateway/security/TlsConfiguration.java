package io.borderlink.gateway.security;

import io.borderlink.gateway.audit.RefusalFloods;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.embedded.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TlsConfiguration {

    /** Clients refused at the handshake are audited; the bundle Boot's HTTPS connector uses stays the one source. */
    @Bean
    TomcatConnectorCustomizer tlsHandshakeAuditing(
            ServerProperties server, SslBundles bundles, ObjectProvider<RefusalFloods> floods, Clock clock) {
        String bundle = server.getSsl() == null ? null : server.getSsl().getBundle();
        if (bundle == null || !server.getSsl().isEnabled()) {
            return connector -> {};
        }
        return new TlsHandshakeAuditing(bundles.getBundle(bundle), new TlsClientRefusals(floods, clock));
    }
}
