package io.borderlink.routes.outbound;

import io.borderlink.routes.errors.RouteErrorHandling;
import io.borderlink.routes.outbox.OutboxRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Outbound flow, synchronous part: verify → route and decide → persist, then the agency gets its receipt.
 * Released shares are handed to delivery right away; the durable outbox guarantees them anyway.
 */
@Component
public class OutboundIntakeRoute extends RouteBuilder {

    public static final String ACCEPT = "direct:outbound.accept";

    @Override
    public void configure() {
        from(ACCEPT)
                .routeId("outbound.accept")
                .routeConfigurationId(RouteErrorHandling.INTAKE)
                .to("bean:outboundVerifier?method=verify")
                .to("bean:outboundDecisions?method=decide")
                .to("bean:exchangeStore?method=accept")
                .split(simple("${body.releasedShares}"))
                .to(OutboxRoutes.DELIVER)
                .end()
                .setBody(simple("${body.receipt}"));
    }
}
