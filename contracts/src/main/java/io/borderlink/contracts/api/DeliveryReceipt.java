package io.borderlink.contracts.api;

import java.util.UUID;

/**
 * The gateway's signed statement that one share of an agency's exchange was delivered.
 *
 * @param receipt a compact JWS by the gateway (contracts/PROFILE.md §7)
 */
public record DeliveryReceipt(UUID exchangeId, String recipientId, String receipt) {}
