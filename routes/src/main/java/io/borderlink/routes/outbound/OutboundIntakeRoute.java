package io.borderlink.routes.outbound;

import io.borderlink.routes.errors.RouteErrorHandling;
import io.borderlink.routes.outbox.Accepted;
import io.borderlink.routes.outbox.OutboxRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Outbound flow, synchronous part: verify → route and decide → persist, then the agency gets its receipt,
 * signed by the gateway.
 * Released shares are handed to delivery right away; the durable outbox guarantees them anyway.
 */
@Component
public class OutboundIntakeRoute extends RouteBuilder {

    public static final String ACCEPT = "direct:outbound.accept";
    /** The exchange property holding the verified submission, for the receipt the gateway signs at the end. */
    public static final String VERIFIED = "borderlinkVerified";

    @Override
    public void configure() {
        from(ACCEPT)
                .routeId("outbound.accept")
                .routeConfigurationId(RouteErrorHandling.INTAKE)
                .to("bean:outboundVerifier?method=verify")
                .setProperty(VERIFIED, body())
                .to("bean:outboundDecisions?method=decide")
                .to("bean:exchangeStore?method=accept")
                .split(Accepted.shares())
                .to(OutboxRoutes.HAND_OFF)
                .end()
                .to("bean:gatewayReceipts?method=forAgency");
    }
}
