package io.borderlink.routes.outbox;

import io.borderlink.routes.errors.RouteErrorHandling;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The asynchronous part of both flows: claim a due share → translate → protect → deliver → verify the
 * recipient's signed receipt → record, to
 * a partner outbound or to an agency inbound. Every node sweeps the outbox for due shares, so retries
 * and a crashed node's work need nothing in memory.
 */
@Component
public class OutboxRoutes extends RouteBuilder {

    /**
     * In-memory hand-off to the delivery workers. Nobody waits for it: a sender's receipt must not wait
     * for the recipient. When it is full the share is simply not queued: it is already durable and the next
     * sweep finds it.
     */
    public static final String DELIVER = "seda:outbox.deliver?size={{borderlink.delivery.queue-size}}"
            + "&concurrentConsumers={{borderlink.delivery.concurrency}}&discardWhenFull=true"
            + "&waitForTaskToComplete=Never";

    /**
     * How an intake hands the shares it released to {@link #DELIVER}: a share that finds the queue full gives
     * up the lease it was opened with at once, so that the next sweep takes it.
     */
    public static final String HAND_OFF = "direct:outbox.handOff";

    /** The same queue as {@link #DELIVER}, refusing rather than discarding what it has no room for. */
    private static final String QUEUE_OR_REFUSE =
            "seda:outbox.deliver?size={{borderlink.delivery.queue-size}}&waitForTaskToComplete=Never";

    /** The exchange property holding the claimed share, for the error handler. */
    public static final String SHARE = "borderlinkShare";

    @Override
    public void configure() {
        from(DELIVER)
                .routeId("outbox.deliver")
                .routeConfigurationId(RouteErrorHandling.DELIVERY)
                .to("bean:deliveries?method=claim")
                .filter(body().isNotNull())
                .setProperty(SHARE, body())
                .to("bean:partnerMessages?method=translate")
                .to("bean:partnerMessages?method=protect")
                .to("bean:partnerTransport?method=send")
                .to("bean:partnerReceipts?method=verify")
                .to("bean:deliveries?method=delivered")
                .end();

        from(HAND_OFF)
                .routeId("outbox.handOff")
                .doTry()
                .to(QUEUE_OR_REFUSE)
                .doCatch(IllegalStateException.class)
                .to("bean:handOffs?method=notQueued")
                .end();

        from("timer:outbox.sweep?period={{borderlink.delivery.sweep-interval}}")
                .routeId("outbox.sweep")
                .routeConfigurationId(RouteErrorHandling.SCHEDULED)
                .to("bean:deliveries?method=due")
                .split(body())
                .to(DELIVER)
                .end();
    }
}
