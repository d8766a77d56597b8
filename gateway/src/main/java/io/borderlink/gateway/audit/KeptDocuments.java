package io.borderlink.gateway.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The documents kept as evidence for an exchange, opened: what a bundle carries. The evidence store
 * implements it (the audit package does not depend on the exchange package, which depends on it).
 */
public interface KeptDocuments {

    /**
     * A document kept for an exchange.
     *
     * @param recipientId the partner or agency it was kept for; null for the exchange's own
     */
    record Document(
            String kind, String recipientId, String digest, String mediaType, byte[] content, Instant createdAt) {}

    /** Every document kept for the exchange, in the order they were kept; none once it was purged. */
    List<Document> documents(UUID exchangeId);
}
