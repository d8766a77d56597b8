package io.borderlink.routes.agency;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Agencies asking where their exchanges stand (OpenAPI operation {@code getExchange}). */
@Component
public class AgencyQueryRoute extends RouteBuilder {

    public static final String STATUS = "direct:exchange.status";

    @Override
    public void configure() {
        from(STATUS).routeId("exchange.status").to("bean:exchangeQueries?method=status");
    }
}
