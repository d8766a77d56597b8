package io.borderlink.gateway.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One audit event as auditors read it.
 *
 * @param seq its place in the chain, or null while it waits to be chained (normally under a second)
 */
public record AuditedEvent(
        long id,
        Long seq,
        Instant occurredAt,
        String step,
        String outcome,
        UUID exchangeId,
        String partnerId,
        String code,
        String actor,
        String actorCertificate,
        String digest,
        String detail,
        String node) {}
