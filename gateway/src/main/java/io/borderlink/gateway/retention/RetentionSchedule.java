package io.borderlink.gateway.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which exchanges' evidence is due to go, under which rule and when: the first rule that matches an exchange
 * decides, its clock starting at receipt or at the later exchange the rule names. Exchanges under an active
 * legal hold, or with a share that may still be sent or approved, are never due.
 */
@Component
public class RetentionSchedule {

    private static final int PAGE = 500;
    /** Share states from which nothing more is sent or approved. */
    private static final Set<String> FINAL = Set.of("DELIVERED", "ABANDONED", "DENIED", "REJECTED", "EXPIRED");

    private final JdbcClient jdbc;
    private final RetentionSettings settings;

    RetentionSchedule(JdbcClient jdbc, RetentionSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * An exchange whose evidence a rule lets go.
     *
     * @param held whether an active legal hold keeps it anyway
     * @param settled whether every share is final; one that is not keeps it until it is
     */
    public record Due(
            UUID exchangeId,
            String ruleId,
            Instant purgeAt,
            Instant receivedAt,
            String direction,
            List<String> partners,
            boolean held,
            boolean settled) {

        public boolean purgeable(Instant now) {
            return !held && settled && !purgeAt.isAfter(now);
        }
    }

    /** The exchanges whose rule lets them go by {@code until}, oldest first, at most {@code limit}. */
    public List<Due> dueBy(Instant until, int limit) {
        List<Due> due = new ArrayList<>();
        Optional<Duration> shortest =
                settings.rules().stream().map(RetentionSettings.Rule::keep).min(Duration::compareTo);
        if (shortest.isEmpty()) {
            return due;
        }
        Instant receivedBy = until.minus(shortest.get());
        Cursor cursor = new Cursor(Instant.EPOCH, new UUID(0, 0));
        while (due.size() < limit) {
            List<Candidate> page = candidates(receivedBy, cursor);
            for (Candidate candidate : page) {
                decide(load(candidate), until).ifPresent(due::add);
                if (due.size() == limit) {
                    break;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            Candidate last = page.get(page.size() - 1);
            cursor = new Cursor(last.receivedAt(), last.id());
        }
        return due;
    }

    /** Whether the exchange is due now, checked again inside the purge's own transaction. */
    Optional<Due> dueNow(UUID exchangeId, Instant now) {
        return jdbc.sql(
                        "SELECT id, received_at, direction, category, purpose, correlation_id FROM exchange WHERE id = ?")
                .param(exchangeId)
                .query((rs, row) -> candidate(rs))
                .optional()
                .flatMap(candidate -> decide(load(candidate), now))
                .filter(due -> due.purgeable(now));
    }

    private Optional<Due> decide(Loaded loaded, Instant until) {
        RetainedExchange exchange = loaded.exchange();
        return settings.rules().stream()
                .filter(rule -> exchange.matches(rule.when()))
                .findFirst()
                .flatMap(rule -> exchange.purgeAt(rule)
                        .map(at -> new Due(
                                exchange.id(),
                                rule.id(),
                                at,
                                exchange.receivedAt(),
                                exchange.direction(),
                                exchange.partners(),
                                loaded.held(),
                                exchange.settled())))
                .filter(due -> !due.purgeAt().isAfter(until));
    }

    /** Exchanges received by then that still have evidence and were not purged, in (received, id) order. */
    private List<Candidate> candidates(Instant receivedBy, Cursor after) {
        return jdbc.sql(
                        """
                        SELECT e.id, e.received_at, e.direction, e.category, e.purpose, e.correlation_id
                        FROM exchange e
                        WHERE e.received_at <= ?
                          AND (e.received_at > ? OR (e.received_at = ? AND e.id > ?))
                          AND EXISTS (SELECT 1 FROM evidence v WHERE v.exchange_id = e.id)
                        ORDER BY e.received_at, e.id
                        FETCH FIRST ? ROWS ONLY""")
                .params(utc(receivedBy), utc(after.receivedAt()), utc(after.receivedAt()), after.id(), PAGE)
                .query((rs, row) -> candidate(rs))
                .list();
    }

    private Loaded load(Candidate candidate) {
        Set<String> partners = new LinkedHashSet<>();
        boolean[] released = {false};
        boolean[] settled = {true};
        if ("INBOUND".equals(candidate.direction())) {
            jdbc.sql("SELECT originator FROM exchange WHERE id = ?")
                    .param(candidate.id())
                    .query(String.class)
                    .optional()
                    .ifPresent(partners::add);
        }
        jdbc.sql("SELECT recipient_id, state FROM share WHERE exchange_id = ?")
                .param(candidate.id())
                .query((rs, row) -> {
                    partners.add(rs.getString("recipient_id"));
                    String state = rs.getString("state");
                    released[0] |= "DELIVERED".equals(state);
                    settled[0] &= FINAL.contains(state);
                    return state;
                })
                .list();
        Map<String, Instant> later = new HashMap<>();
        jdbc.sql(
                        """
                        SELECT purpose, MIN(received_at) AS first_at FROM exchange
                        WHERE correlation_id = ? AND received_at >= ? AND purpose IS NOT NULL AND id <> ?
                        GROUP BY purpose""")
                .params(candidate.correlationId(), utc(candidate.receivedAt()), candidate.id())
                .query((rs, row) -> later.put(
                        rs.getString("purpose"),
                        rs.getObject("first_at", OffsetDateTime.class).toInstant()))
                .list();
        boolean held = jdbc.sql("SELECT COUNT(*) FROM legal_hold WHERE exchange_id = ? AND released_at IS NULL")
                        .param(candidate.id())
                        .query(Long.class)
                        .single()
                > 0;
        return new Loaded(
                new RetainedExchange(
                        candidate.id(),
                        candidate.receivedAt(),
                        candidate.direction(),
                        candidate.category(),
                        candidate.purpose(),
                        List.copyOf(partners),
                        released[0],
                        settled[0],
                        later),
                held);
    }

    private static Candidate candidate(ResultSet rs) throws SQLException {
        return new Candidate(
                rs.getObject("id", UUID.class),
                rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                rs.getString("direction"),
                rs.getString("category"),
                rs.getString("purpose"),
                rs.getObject("correlation_id", UUID.class));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Candidate(
            UUID id, Instant receivedAt, String direction, String category, String purpose, UUID correlationId) {}

    private record Cursor(Instant receivedAt, UUID id) {}

    private record Loaded(RetainedExchange exchange, boolean held) {}
}
