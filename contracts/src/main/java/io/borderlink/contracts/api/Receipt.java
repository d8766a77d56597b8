package io.borderlink.contracts.api;

import java.time.Instant;
import java.util.UUID;

/**
 * What an agency gets back once its exchange is durably stored. {@code duplicate} is true when the
 * same exchange was submitted before: the original receipt is repeated and nothing is processed twice.
 */
public record Receipt(UUID exchangeId, String state, Instant receivedAt, boolean duplicate) {}
