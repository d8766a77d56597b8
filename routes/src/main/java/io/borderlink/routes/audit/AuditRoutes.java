package io.borderlink.routes.audit;

import io.borderlink.routes.errors.RouteErrorHandling;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Every node chains committed audit events and anchors the newest checkpoint on its own timer; the
 * sequencer's row lock lets one node at a time in, and a node that finds it taken skips its turn. Counts
 * of repeated identical refusals are written when their window closes.
 */
@Component
public class AuditRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:audit.sequence?period={{borderlink.audit.sequence-interval:500}}")
                .routeId("audit.sequence")
                .routeConfigurationId(RouteErrorHandling.SCHEDULED)
                .to("bean:auditSequencer?method=sequence");
        from("timer:audit.anchor?period={{borderlink.audit.anchor-interval:60000}}")
                .routeId("audit.anchor")
                .routeConfigurationId(RouteErrorHandling.SCHEDULED)
                .to("bean:auditAnchoring?method=anchorNewest");
        from("timer:audit.refusal-floods?period={{borderlink.audit.refusal-window:10s}}")
                .routeId("audit.refusal-floods")
                .routeConfigurationId(RouteErrorHandling.SCHEDULED)
                .to("bean:refusalFloods?method=flush");
    }
}
