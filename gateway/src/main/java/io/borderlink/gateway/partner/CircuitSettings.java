package io.borderlink.gateway.partner;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When to stop sending to a recipient that keeps failing, and how to find out that it is back. While the
 * circuit is open its shares wait without spending attempts, so an outage does not dead-letter them.
 *
 * @param failures consecutive failed attempts (unreachable, timeout, 5xx) that open the circuit
 * @param openFor how long the circuit stays open before probes are let through
 * @param probes attempts let through while half-open; all must succeed to close the circuit again
 */
public record CircuitSettings(
        @DefaultValue("5") @Min(1) int failures,
        @DefaultValue("30s") Duration openFor,
        @DefaultValue("1") @Min(1) int probes) {}
