package io.borderlink.contracts.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An exchange as its originating agency may see it: header facts and one entry per partner share. */
public record ExchangeStatus(
        UUID exchangeId,
        UUID correlationId,
        String originator,
        String category,
        String classification,
        Instant receivedAt,
        String state,
        List<ShareStatus> shares) {}
