package io.borderlink.routes.inbound;

import io.borderlink.routes.errors.RouteErrorHandling;
import io.borderlink.routes.outbound.OutboundIntakeRoute;
import io.borderlink.routes.outbox.Accepted;
import io.borderlink.routes.outbox.OutboxRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Inbound flow, partner → agencies: verify (or, for a polled feed, fetch and map) → inbound policy →
 * persist, then the partner gets its answer, with the gateway's receipt signed as its format defines. Released shares go to the agencies through the same
 * durable outbox, retries and dead letters as outbound ones.
 */
@Component
public class InboundRoutes extends RouteBuilder {

    /** A message a partner pushed to us (liaison SOAP, customs REST). */
    public static final String RECEIVE = "direct:inbound.receive";
    /** A verified, canonical exchange from a partner, however it came. */
    public static final String ACCEPT = "direct:inbound.accept";

    @Override
    public void configure() {
        from(RECEIVE)
                .routeId("inbound.receive")
                .routeConfigurationId(RouteErrorHandling.INTAKE)
                .to("bean:inboundVerifier?method=verify")
                .setProperty(OutboundIntakeRoute.VERIFIED, body())
                .to(ACCEPT)
                .to("bean:gatewayReceipts?method=forPartner");

        // No error handler of its own: a refusal (a replay, say) goes back to the caller, whose error policy
        // audits it; a handler here would mark the failure handled and the caller's would never see it.
        from(ACCEPT)
                .routeId("inbound.accept")
                .errorHandler(noErrorHandler())
                .to("bean:inboundDecisions?method=decide")
                .to("bean:exchangeStore?method=accept")
                .split(Accepted.shares())
                .to(OutboxRoutes.HAND_OFF)
                .end()
                .setBody(Accepted.receiptOf());
    }
}
