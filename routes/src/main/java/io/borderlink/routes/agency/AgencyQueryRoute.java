package io.borderlink.routes.agency;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Agencies asking where their exchanges stand and for the signed delivery receipt of a share (OpenAPI
 * operations {@code getExchange}, {@code getDeliveryReceipt}).
 */
@Component
public class AgencyQueryRoute extends RouteBuilder {

    public static final String STATUS = "direct:exchange.status";
    public static final String DELIVERY_RECEIPT = "direct:exchange.delivery-receipt";

    @Override
    public void configure() {
        from(STATUS).routeId("exchange.status").to("bean:exchangeQueries?method=status");
        from(DELIVERY_RECEIPT).routeId("exchange.delivery-receipt").to("bean:deliveryReceipts?method=receipt");
    }
}
