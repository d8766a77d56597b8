package io.borderlink.gateway.deadletter;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A share that gave up: after its last attempt, or because the recipient refused it.
 *
 * @param recipient the partner (outbound) or agency (inbound) it was for
 * @param attempts the attempts made before it gave up
 * @param lastErrorCode and {@code lastError}: what the last attempt ended with
 * @param since when it became a dead letter
 */
public record DeadLetter(
        UUID shareId,
        UUID exchangeId,
        String recipient,
        String direction,
        int attempts,
        String lastErrorCode,
        String lastError,
        OffsetDateTime since) {}
