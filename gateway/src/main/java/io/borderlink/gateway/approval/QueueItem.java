package io.borderlink.gateway.approval;

import java.time.Instant;
import java.util.UUID;

/** One held share in an officer's queue. */
public record QueueItem(
        UUID shareId,
        UUID exchangeId,
        String partner,
        String originator,
        String category,
        String classification,
        Instant receivedAt,
        Instant expiresAt,
        String ruleId,
        int approvals,
        int approversRequired) {}
