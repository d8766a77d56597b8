package io.borderlink.gateway.delivery;

import java.time.Instant;

/**
 * One recipient's circuit as this node sees it.
 *
 * @param state CLOSED (deliveries go through), OPEN (shares wait, the recipient is left alone) or HALF_OPEN
 *     (probes are under way)
 * @param lastSuccess when this node last delivered to the recipient, or null
 * @param lastFailure when an attempt last failed, or null
 * @param lastError the code and precise cause of that failure (connection refused, TLS handshake, HTTP status)
 */
public record CircuitStatus(
        String recipient, String state, Instant lastSuccess, Instant lastFailure, String lastError) {}
