package io.borderlink.gateway.partner;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How hard we try to reach one partner. Backoff doubles from {@code initialBackoff} up to
 * {@code maxBackoff}, with jitter so that a recovering partner is not hit by every node at once.
 *
 * @param maxAttempts attempts before the share is dead-lettered for an administrator
 * @param timeout how long one attempt may take, connection and answer together
 * @param circuit when to stop trying for a while, on each node
 */
public record DeliverySettings(
        @DefaultValue("8") @Min(1) int maxAttempts,
        @DefaultValue("2s") Duration initialBackoff,
        @DefaultValue("5m") Duration maxBackoff,
        @DefaultValue("10s") Duration timeout,
        @Valid @DefaultValue CircuitSettings circuit) {

    /** The delay before attempt {@code attempt + 1}, given that {@code attempt} attempts failed. */
    public Duration backoffAfter(int attempt, double jitter) {
        long base = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        return Duration.ofMillis((long) (capped * (0.5 + jitter / 2)));
    }
}
