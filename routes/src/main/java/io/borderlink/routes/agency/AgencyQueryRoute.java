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
        // The caller gets the exception as it is (an unknown exchange is NOT_FOUND, not an error of the route's):
        // the adapters answer it with its code and the flows' entry point logs what was unexpected.
        from(STATUS).routeId("exchange.status").errorHandler(noErrorHandler()).to("bean:exchangeQueries?method=status");
        from(DELIVERY_RECEIPT)
                .routeId("exchange.delivery-receipt")
                .errorHandler(noErrorHandler())
                .to("bean:deliveryReceipts?method=receipt");
    }
}
