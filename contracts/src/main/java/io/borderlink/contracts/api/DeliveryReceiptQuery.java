package io.borderlink.contracts.api;

import java.security.cert.X509Certificate;
import java.util.UUID;

/** An agency asking for the signed delivery receipt of one share of its exchange, by its TLS certificate. */
public record DeliveryReceiptQuery(UUID exchangeId, String recipientId, X509Certificate client) {}
