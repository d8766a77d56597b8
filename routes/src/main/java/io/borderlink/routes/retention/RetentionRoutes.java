package io.borderlink.routes.retention;

import io.borderlink.routes.errors.RouteErrorHandling;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The evidence lifecycle, on the cluster's leader only (Camel's master component, namespace
 * {@code evidence-lifecycle}): purge what retention let go ({@code retention.purge}) and, after a rotation,
 * rewrap data keys with the current key-encryption key ({@code evidence.rewrap}). Both work in small
 * transactions and pick up where they stopped, so a change of leader loses nothing.
 */
@Component
public class RetentionRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("master:evidence-lifecycle:timer:retention.purge"
                        + "?delay={{borderlink.retention.check-interval:1h}}"
                        + "&period={{borderlink.retention.check-interval:1h}}")
                .routeId("retention.purge")
                .routeConfigurationId(RouteErrorHandling.SCHEDULED)
                .to("bean:purges?method=purgeExpired");

        from("master:evidence-lifecycle:timer:evidence.rewrap"
                        + "?delay={{borderlink.evidence.rewrap-interval:30s}}"
                        + "&period={{borderlink.evidence.rewrap-interval:30s}}")
                .routeId("evidence.rewrap")
                .routeConfigurationId(RouteErrorHandling.SCHEDULED)
                .to("bean:keyRotation?method=rewrap");
    }
}
