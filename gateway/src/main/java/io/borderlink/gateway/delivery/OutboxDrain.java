package io.borderlink.gateway.delivery;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Graceful shutdown of the outbox: among the first things to stop (default phase), while the database is
 * still there, it lets the deliveries under way finish and hands the rest back to the other nodes.
 */
@Component
class OutboxDrain implements SmartLifecycle {

    private final Deliveries deliveries;
    private volatile boolean running;

    OutboxDrain(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        deliveries.drain();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
