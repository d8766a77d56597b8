package io.borderlink.gateway.delivery;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The shares this node is delivering right now, so that a graceful shutdown can stop taking new ones and
 * wait for these. Leaving is idempotent: a share whose recording failed leaves again through the error
 * handler.
 */
final class InFlight {

    private final Set<UUID> shares = new HashSet<>();
    private boolean closed;

    /** Answers false once closed: the share must then be left for another node. */
    synchronized boolean enter(UUID shareId) {
        if (closed) {
            return false;
        }
        shares.add(shareId);
        return true;
    }

    synchronized void leave(UUID shareId) {
        if (shares.remove(shareId) && shares.isEmpty()) {
            notifyAll();
        }
    }

    /** Refuses new shares, then waits for those under way; answers whether they all finished in time. */
    synchronized boolean close(Duration timeout) {
        closed = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (long left = timeout.toNanos(); !shares.isEmpty() && left > 0; left = deadline - System.nanoTime()) {
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return shares.isEmpty();
    }
}
