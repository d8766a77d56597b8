package io.borderlink.gateway.exchange;

import io.borderlink.contracts.api.ExchangeStatus;
import io.borderlink.contracts.api.ShareStatus;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.gateway.audit.AuditStep;
import io.borderlink.gateway.security.Caller;
import io.borderlink.gateway.security.ContentVisibility;
import io.borderlink.gateway.security.ContentVisibility.Sight;
import io.borderlink.gateway.security.ContentVisibility.View;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One exchange as the console shows it to officers, auditors and administrators: header facts, every
 * share, and the audit events that concern it, in order; an event's detail as {@link ContentVisibility} lets
 * the viewer read it.
 */
@Component
public class ExchangeOverview {

    private final JdbcClient jdbc;
    private final ExchangeQueries queries;

    ExchangeOverview(JdbcClient jdbc, ExchangeQueries queries) {
        this.jdbc = jdbc;
        this.queries = queries;
    }

    public Overview overview(UUID exchangeId, Caller viewer) {
        Sight sight = ContentVisibility.sight(viewer, View.EXCHANGE_PAGE);
        ExchangeStatus status = queries.status(exchangeId)
                .orElseThrow(() -> new GatewayException(ErrorCode.NOT_FOUND, "no exchange " + exchangeId));
        List<Event> events = jdbc.sql(
                        """
                        SELECT occurred_at, step, outcome, partner_id, code, actor, detail, node
                        FROM audit_event WHERE exchange_id = ? ORDER BY id""")
                .param(exchangeId)
                .query((rs, row) -> new Event(
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getString("step"),
                        rs.getString("outcome"),
                        rs.getString("partner_id"),
                        rs.getString("code"),
                        rs.getString("actor"),
                        ContentVisibility.eventDetail(
                                sight, AuditStep.valueOf(rs.getString("step")), rs.getString("detail")),
                        rs.getString("node")))
                .list();
        return new Overview(status, status.shares(), events);
    }

    public record Overview(ExchangeStatus exchange, List<ShareStatus> shares, List<Event> events) {}

    public record Event(
            Instant at,
            String step,
            String outcome,
            String partner,
            String code,
            String actor,
            String detail,
            String node) {}
}
