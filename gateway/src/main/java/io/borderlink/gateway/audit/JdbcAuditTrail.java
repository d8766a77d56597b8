package io.borderlink.gateway.audit;

import io.borderlink.gateway.cluster.NodeIdentity;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends audit events to the {@code audit_event} table, in one batch per call, and queues each for the
 * {@link AuditSequencer} in the same transaction: the event is durable when the caller commits, and
 * nothing waits for the chain. Each batch is also published as {@link Recorded}, for listeners that act
 * once it is committed (the metrics count what the trail records).
 */
@Component
class JdbcAuditTrail implements AuditTrail {

    private static final String INSERT =
            """
            INSERT INTO audit_event (occurred_at, exchange_id, partner_id, step, outcome, code, actor,
                                     actor_certificate, digest, detail, node)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String QUEUE = "INSERT INTO audit_pending (event_id) VALUES (?)";
    // The columns' widths: what is longer is cut, so that the event is recorded all the same.
    private static final int MAX_ACTOR = 128;
    private static final int MAX_DETAIL = 2000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String node;
    private final ApplicationEventPublisher events;

    JdbcAuditTrail(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            Clock clock,
            NodeIdentity node,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.node = node.id();
        this.events = events;
    }

    @Override
    public void record(AuditEvent event) {
        record(List.of(event));
    }

    @Override
    public void record(List<AuditEvent> events) {
        if (!events.isEmpty()) {
            // Joins the caller's transaction; callers without one (refusals) still get event and queue entry together.
            transactions.executeWithoutResult(status -> {
                append(events);
                this.events.publishEvent(new Recorded(List.copyOf(events)));
            });
        }
    }

    private void append(List<AuditEvent> events) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        KeyHolder ids = new GeneratedKeyHolder();
        jdbc.batchUpdate(
                connection -> connection.prepareStatement(INSERT, new String[] {"id"}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int i) throws SQLException {
                        AuditEvent event = events.get(i);
                        statement.setObject(1, now);
                        statement.setObject(2, event.exchangeId());
                        statement.setString(3, event.partnerId());
                        statement.setString(4, event.step().name());
                        statement.setString(5, event.outcome().name());
                        statement.setString(6, event.code());
                        statement.setString(7, TypedText.escaped(event.actor(), MAX_ACTOR));
                        statement.setString(8, event.actorCertificate());
                        statement.setString(9, event.digest());
                        statement.setString(10, TypedText.escaped(event.detail(), MAX_DETAIL));
                        statement.setString(11, node);
                    }

                    @Override
                    public int getBatchSize() {
                        return events.size();
                    }
                },
                ids);
        List<Long> queued = ids.getKeyList().stream()
                .map(key -> ((Number) key.values().iterator().next()).longValue())
                .toList();
        jdbc.batchUpdate(QUEUE, queued, queued.size(), (statement, id) -> statement.setLong(1, id));
    }
}
