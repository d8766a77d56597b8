package io.borderlink.routes.trust;

import io.borderlink.routes.errors.RouteErrorHandling;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Revocation that takes effect without a restart: on every node, every refresh interval, the CRL folder is
 * read again and the distribution points fetched again, and the expiry metrics brought up to date.
 */
@Component
public class TrustRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:trust.refresh?period={{borderlink.pki.revocation.refresh-interval}}")
                .routeId("trust.refresh")
                .routeConfigurationId(RouteErrorHandling.SCHEDULED)
                .to("bean:trustRefresh?method=refresh");
    }
}
