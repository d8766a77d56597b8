package io.borderlink.contracts.api;

import java.security.cert.X509Certificate;
import java.util.UUID;

/** An agency asking where one of its exchanges stands; it may see only exchanges it originated. */
public record StatusQuery(UUID exchangeId, X509Certificate client) {}
