package io.borderlink.gateway.retention;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What retention knows of an exchange that still has evidence: enough to pick its rule and date.
 *
 * @param partners the partner it came from (inbound) and every recipient of a share
 * @param released whether any share of it was delivered
 * @param settled whether every share is in a final state: nothing may still be sent or approved
 * @param purposesLater when each purpose first occurred in a later exchange of the same correlation
 */
record RetainedExchange(
        UUID id,
        Instant receivedAt,
        String direction,
        String category,
        String purpose,
        List<String> partners,
        boolean released,
        boolean settled,
        Map<String, Instant> purposesLater) {

    boolean matches(RetentionSettings.Match when) {
        return (when.partners().isEmpty() || partners.stream().anyMatch(when.partners()::contains))
                && (when.purposes().isEmpty() || when.purposes().contains(purpose))
                && (when.categories().isEmpty() || when.categories().contains(category))
                && (when.direction() == null || when.direction().equalsIgnoreCase(direction))
                && (when.released() == null || when.released() == released);
    }

    /** When the rule lets the evidence go: empty while its clock has not started. */
    Optional<Instant> purgeAt(RetentionSettings.Rule rule) {
        Optional<Instant> start = rule.startsWith() == null
                ? Optional.of(receivedAt)
                : Optional.ofNullable(purposesLater.get(rule.startsWith()));
        return start.map(s -> s.plus(rule.keep()));
    }
}
