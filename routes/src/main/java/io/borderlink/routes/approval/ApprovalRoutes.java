package io.borderlink.routes.approval;

import io.borderlink.routes.errors.RouteErrorHandling;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Held shares that waited too long expire on every node's watch; expiring one twice is harmless. */
@Component
public class ApprovalRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:approval.expiry?period={{borderlink.approvals.expiry-check-interval:60000}}")
                .routeId("approval.expiry")
                .routeConfigurationId(RouteErrorHandling.SCHEDULED)
                .to("bean:approvalDecisions?method=expireOverdue");
    }
}
