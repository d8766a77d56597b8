package io.borderlink.contracts.api;

import java.time.Instant;
import java.util.UUID;

/**
 * One partner's share of an exchange: the policy decision (with the rule and reason when it is not a
 * plain release) and where delivery stands. {@code messageId} is stable across retries so that the
 * partner can de-duplicate.
 */
public record ShareStatus(
        String partner,
        String decision,
        String ruleId,
        String reason,
        String state,
        int attempts,
        String lastErrorCode,
        Instant deliveredAt,
        UUID messageId) {}
