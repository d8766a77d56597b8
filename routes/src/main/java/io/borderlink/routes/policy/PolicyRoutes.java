package io.borderlink.routes.policy;

import io.borderlink.routes.errors.RouteErrorHandling;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Policy outside the flows: dry runs, outbound (decide and render, send nothing) and inbound (which agencies
 * would receive a partner's exchange), and the watches that reload partner, agency and people files changed on disk on
 * every node without a restart.
 */
@Component
public class PolicyRoutes extends RouteBuilder {

    public static final String DRY_RUN = "direct:policy.dry-run";
    public static final String DRY_RUN_INBOUND = "direct:policy.dry-run-inbound";

    @Override
    public void configure() {
        from(DRY_RUN)
                .routeId("policy.dry-run")
                .routeConfigurationId(RouteErrorHandling.DRY_RUN)
                .to("bean:policyDryRun?method=evaluate");
        from(DRY_RUN_INBOUND)
                .routeId("policy.dry-run-inbound")
                .routeConfigurationId(RouteErrorHandling.DRY_RUN)
                .to("bean:policyDryRun?method=evaluateInbound");

        from("timer:policy.reload?period={{borderlink.config.watch-interval}}")
                .routeId("policy.reload")
                .routeConfigurationId(RouteErrorHandling.SCHEDULED)
                .to("bean:partnerReloads?method=reloadIfChanged");
        from("timer:agency.reload?period={{borderlink.config.watch-interval}}")
                .routeId("agency.reload")
                .routeConfigurationId(RouteErrorHandling.SCHEDULED)
                .to("bean:agencyReloads?method=reloadIfChanged");
        from("timer:people.reload?period={{borderlink.config.watch-interval}}")
                .routeId("people.reload")
                .routeConfigurationId(RouteErrorHandling.SCHEDULED)
                .to("bean:peopleReloads?method=reloadIfChanged");
    }
}
