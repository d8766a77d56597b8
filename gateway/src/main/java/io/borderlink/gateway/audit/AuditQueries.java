package io.borderlink.gateway.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Auditors' reading of the trail: searching events, and one exchange end to end. */
@Component
public class AuditQueries {

    private static final String EVENTS =
            """
            SELECT e.id, c.seq, e.occurred_at, e.step, e.outcome, e.exchange_id, e.partner_id, e.code, e.actor,
                   e.actor_certificate, e.digest, e.detail, e.node
            FROM audit_event e LEFT JOIN audit_chain c ON c.event_id = e.id""";

    /** A decision as the policy names it, and the outcome its DECIDE event records. */
    private static final Map<String, String> DECISIONS =
            Map.of("RELEASE", "RELEASED", "HOLD", "HELD", "DENY", "DENIED");

    private final JdbcTemplate jdbc;

    AuditQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest events first, a page at a time. */
    public List<AuditedEvent> search(AuditSearch search) {
        StringBuilder sql = new StringBuilder(EVENTS).append(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        condition(sql, params, " AND e.exchange_id = ?", search.exchangeId());
        if (present(search.agency())) {
            sql.append(" AND (e.actor = ? OR e.exchange_id IN (SELECT x.id FROM exchange x WHERE x.originator = ?))");
            params.add(search.agency().strip());
            params.add(search.agency().strip());
        }
        condition(sql, params, " AND e.partner_id = ?", text(search.partner()));
        condition(sql, params, " AND e.occurred_at >= ?", utc(search.from()));
        condition(sql, params, " AND e.occurred_at < ?", utc(search.to()));
        condition(sql, params, " AND e.step = ?", text(search.step()));
        condition(sql, params, " AND e.outcome = ?", text(search.outcome()));
        if (present(search.decision())) {
            sql.append(" AND e.step = 'DECIDE' AND e.outcome = ?");
            params.add(DECISIONS.getOrDefault(
                    search.decision().strip(), search.decision().strip()));
        }
        condition(sql, params, " AND e.code = ?", text(search.code()));
        condition(sql, params, " AND e.actor = ?", text(search.actor()));
        condition(sql, params, " AND e.id < ?", search.beforeId());
        sql.append(" ORDER BY e.id DESC LIMIT ?");
        params.add(search.effectiveLimit());
        return jdbc.query(sql.toString(), AuditQueries::event, params.toArray());
    }

    /** Everything about one exchange, in the order it happened. */
    public Timeline timeline(UUID exchangeId) {
        List<AuditedEvent> events =
                jdbc.query(EVENTS + " WHERE e.exchange_id = ? ORDER BY e.id", AuditQueries::event, exchangeId);
        Timeline.Exchange exchange = jdbc
                .query(
                        """
                        SELECT originator, category, classification, channel, created_at, received_at,
                               signer_certificate, client_certificate, signed_digest
                        FROM exchange WHERE id = ?""",
                        (rs, row) -> new Timeline.Exchange(
                                rs.getString("originator"),
                                rs.getString("category"),
                                rs.getString("classification"),
                                rs.getString("channel"),
                                instant(rs, "created_at"),
                                instant(rs, "received_at"),
                                rs.getString("signer_certificate"),
                                rs.getString("client_certificate"),
                                rs.getString("signed_digest")),
                        exchangeId)
                .stream()
                .findFirst()
                .orElse(null);
        List<Timeline.Share> shares = jdbc.query(
                """
                SELECT id, recipient_id, decision, rule_id, policy_version, view_digest, state, attempts,
                       last_error_code, delivered_at
                FROM share WHERE exchange_id = ? ORDER BY recipient_id""",
                (rs, row) -> new Timeline.Share(
                        rs.getObject("id", UUID.class),
                        rs.getString("recipient_id"),
                        rs.getString("decision"),
                        rs.getString("rule_id"),
                        rs.getString("policy_version"),
                        rs.getString("view_digest"),
                        rs.getString("state"),
                        rs.getInt("attempts"),
                        rs.getString("last_error_code"),
                        instant(rs, "delivered_at")),
                exchangeId);
        List<Timeline.Document> evidence = jdbc.query(
                """
                SELECT kind, recipient_id, digest, media_type, octet_length(content) AS size, created_at
                FROM evidence WHERE exchange_id = ? ORDER BY id""",
                (rs, row) -> new Timeline.Document(
                        rs.getString("kind"),
                        rs.getString("recipient_id"),
                        rs.getString("digest"),
                        rs.getString("media_type"),
                        rs.getInt("size"),
                        instant(rs, "created_at")),
                exchangeId);
        List<Timeline.Approval> approvals = jdbc.query(
                """
                SELECT a.id, s.recipient_id, a.officer, a.officer_certificate, a.verdict, a.reason, a.view_digest,
                       a.decided_at
                FROM approval a JOIN share s ON s.id = a.share_id WHERE s.exchange_id = ? ORDER BY a.id""",
                (rs, row) -> new Timeline.Approval(
                        rs.getLong("id"),
                        rs.getString("recipient_id"),
                        rs.getString("officer"),
                        rs.getString("officer_certificate"),
                        rs.getString("verdict"),
                        rs.getString("reason"),
                        rs.getString("view_digest"),
                        instant(rs, "decided_at")),
                exchangeId);
        return new Timeline(exchangeId, exchange, events, shares, evidence, approvals);
    }

    private static AuditedEvent event(ResultSet rs, int row) throws SQLException {
        return new AuditedEvent(
                rs.getLong("id"),
                rs.getObject("seq") == null ? null : rs.getLong("seq"),
                instant(rs, "occurred_at"),
                rs.getString("step"),
                rs.getString("outcome"),
                rs.getObject("exchange_id", UUID.class),
                rs.getString("partner_id"),
                rs.getString("code"),
                rs.getString("actor"),
                rs.getString("actor_certificate"),
                rs.getString("digest"),
                rs.getString("detail"),
                rs.getString("node"));
    }

    private static void condition(StringBuilder sql, List<Object> params, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            params.add(value);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String text(String value) {
        return present(value) ? value.strip() : null;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
