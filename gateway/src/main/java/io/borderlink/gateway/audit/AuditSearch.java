package io.borderlink.gateway.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * What an auditor looks for; every criterion given must hold.
 *
 * @param agency the originating agency of the exchange, or the agency that acted (a refused submission)
 * @param decision RELEASE, HOLD or DENY: the policy's decision for a partner (DECIDE events)
 * @param code a stable error code, or for decisions the rule that decided
 * @param from inclusive; {@code to} exclusive
 * @param beforeId for the next page: events older than this one
 */
public record AuditSearch(
        UUID exchangeId,
        String agency,
        String partner,
        Instant from,
        Instant to,
        String step,
        String outcome,
        String decision,
        String code,
        String actor,
        Long beforeId,
        Integer limit) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    int effectiveLimit() {
        return limit == null || limit < 1 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
    }
}
