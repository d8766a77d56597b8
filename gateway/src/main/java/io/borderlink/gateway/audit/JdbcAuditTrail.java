package io.borderlink.gateway.audit;

import io.borderlink.gateway.cluster.NodeIdentity;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Appends audit events to the {@code audit_event} table, in one batch per call. */
@Component
class JdbcAuditTrail implements AuditTrail {

    private static final String INSERT =
            """
            INSERT INTO audit_event (occurred_at, exchange_id, partner_id, step, outcome, code, actor,
                                     actor_certificate, digest, detail, node)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final int MAX_DETAIL = 2000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String node;

    JdbcAuditTrail(JdbcTemplate jdbc, Clock clock, NodeIdentity node) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.node = node.id();
    }

    @Override
    public void record(AuditEvent event) {
        record(List.of(event));
    }

    @Override
    public void record(List<AuditEvent> events) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.batchUpdate(INSERT, events, events.size(), (statement, event) -> {
            statement.setObject(1, now);
            statement.setObject(2, event.exchangeId());
            statement.setString(3, event.partnerId());
            statement.setString(4, event.step().name());
            statement.setString(5, event.outcome().name());
            statement.setString(6, event.code());
            statement.setString(7, event.actor());
            statement.setString(8, event.actorCertificate());
            statement.setString(9, event.digest());
            statement.setString(10, truncate(event.detail()));
            statement.setString(11, node);
        });
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    }
}
