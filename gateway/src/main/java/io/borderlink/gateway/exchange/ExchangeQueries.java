package io.borderlink.gateway.exchange;

import io.borderlink.contracts.api.ExchangeStatus;
import io.borderlink.contracts.api.ShareStatus;
import io.borderlink.contracts.api.StatusQuery;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.crypto.Certificates;
import io.borderlink.gateway.agency.Agencies;
import io.borderlink.gateway.agency.Agency;
import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditStep;
import io.borderlink.gateway.audit.RefusalFloods;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers where an exchange stands, to the agency that originated it and to nobody else. */
@Component("exchangeQueries")
public class ExchangeQueries {

    private final JdbcClient jdbc;
    private final Agencies agencies;
    private final RefusalFloods refusals;

    ExchangeQueries(JdbcClient jdbc, Agencies agencies, RefusalFloods refusals) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.refusals = refusals;
    }

    /**
     * For an agency: only its own exchanges; any other id is reported absent, so ids cannot be probed. Each such
     * answer is audited (an access refusal, off the exchange's timeline), saying whether the id was another
     * agency's exchange, so that probing is seen.
     */
    public ExchangeStatus status(StatusQuery query) {
        Agency agency = agencies.current()
                .byCertificate(query.client())
                .orElseThrow(() -> new GatewayException(ErrorCode.ACCESS_DENIED, "client is not a registered agency"));
        Optional<ExchangeStatus> status = status(query.exchangeId());
        if (status.isPresent() && status.get().originator().equals(agency.id())) {
            return status.get();
        }
        String whose = status.isPresent() ? "another agency's exchange" : "no such exchange";
        refusals.record(AuditEvent.rejected(
                        AuditStep.ACCESS,
                        null,
                        ErrorCode.NOT_FOUND,
                        "exchange " + query.exchangeId() + " asked for: " + whose)
                .actor(agency.id(), Certificates.fingerprint(query.client())));
        throw new GatewayException(ErrorCode.NOT_FOUND, "no exchange " + query.exchangeId());
    }

    /** Any exchange, for the console's officers, auditors and administrators. */
    public Optional<ExchangeStatus> status(UUID exchangeId) {
        List<ShareStatus> shares = shares(exchangeId);
        return jdbc.sql(
                        """
                        SELECT id, correlation_id, originator, category, classification, received_at
                        FROM exchange WHERE id = ?""")
                .param(exchangeId)
                .query((rs, row) -> new ExchangeStatus(
                        rs.getObject("id", UUID.class),
                        rs.getObject("correlation_id", UUID.class),
                        rs.getString("originator"),
                        rs.getString("category"),
                        rs.getString("classification"),
                        rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                        ExchangeState.of(shares).name(),
                        shares))
                .optional();
    }

    private List<ShareStatus> shares(UUID exchangeId) {
        return jdbc.sql(
                        """
                        SELECT id, recipient_id, decision, rule_id, reason, state, attempts, last_error_code, delivered_at
                        FROM share WHERE exchange_id = ? ORDER BY recipient_id""")
                .param(exchangeId)
                .query((rs, row) -> {
                    OffsetDateTime deliveredAt = rs.getObject("delivered_at", OffsetDateTime.class);
                    return new ShareStatus(
                            rs.getString("recipient_id"),
                            rs.getString("decision"),
                            rs.getString("rule_id"),
                            rs.getString("reason"),
                            rs.getString("state"),
                            rs.getInt("attempts"),
                            rs.getString("last_error_code"),
                            deliveredAt == null ? null : deliveredAt.toInstant(),
                            rs.getObject("id", UUID.class));
                })
                .list();
    }
}
