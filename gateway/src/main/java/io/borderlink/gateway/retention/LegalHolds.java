package io.borderlink.gateway.retention;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditEvent.Outcome;
import io.borderlink.gateway.audit.AuditStep;
import io.borderlink.gateway.audit.AuditTrail;
import io.borderlink.gateway.audit.Auditor;
import io.borderlink.gateway.audit.TypedText;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Legal holds, set and released by auditors with a reason, each audited: while an exchange has an active
 * hold its evidence is never purged, whatever its retention rule says. The one writer of
 * {@code legal_hold}.
 */
@Component
public class LegalHolds {

    private static final int REASON = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;

    LegalHolds(JdbcClient jdbc, TransactionTemplate transactions, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** An active hold. */
    public record Hold(long id, UUID exchangeId, String reason, String setBy, Instant setAt) {}

    /** Holds the exchange; refused ({@code NOT_FOUND}) for an exchange that does not exist or was purged already. */
    public Hold hold(UUID exchangeId, String reason, Auditor auditor) {
        return refusalsAudited(exchangeId, auditor, () -> setHold(exchangeId, requireReason(reason), auditor));
    }

    private Hold setHold(UUID exchangeId, String why, Auditor auditor) {
        return transactions.execute(status -> {
            // Serialises with a purge of the same exchange (Purges locks the same row).
            boolean exists = !jdbc.sql("SELECT id FROM exchange WHERE id = ? FOR UPDATE")
                    .param(exchangeId)
                    .query(UUID.class)
                    .list()
                    .isEmpty();
            if (!exists) {
                throw new GatewayException(ErrorCode.NOT_FOUND, "no exchange " + exchangeId);
            }
            if (jdbc.sql("SELECT COUNT(*) FROM exchange_purge WHERE exchange_id = ?")
                            .param(exchangeId)
                            .query(Long.class)
                            .single()
                    > 0) {
                throw new GatewayException(
                        ErrorCode.NOT_FOUND,
                        "exchange " + exchangeId + " was purged already: no evidence is left to hold");
            }
            Instant now = clock.instant();
            jdbc.sql("INSERT INTO legal_hold (exchange_id, reason, set_by, set_at) VALUES (?, ?, ?, ?)")
                    .params(exchangeId, why, auditor.id(), now.atOffset(ZoneOffset.UTC))
                    .update();
            long id = jdbc.sql("SELECT MAX(id) FROM legal_hold WHERE exchange_id = ?")
                    .param(exchangeId)
                    .query(Long.class)
                    .single();
            audit.record(AuditEvent.of(AuditStep.LEGAL_HOLD, Outcome.OK)
                    .exchange(exchangeId)
                    .actor(auditor.id(), auditor.certificate())
                    .detail("hold " + id + " set: " + why));
            return new Hold(id, exchangeId, why, auditor.id(), now);
        });
    }

    /** Releases an active hold; refused for one that does not exist or was released already. */
    public void release(long holdId, String reason, Auditor auditor) {
        refusalsAudited(null, auditor, () -> {
            releaseHold(holdId, requireReason(reason), auditor);
            return null;
        });
    }

    private void releaseHold(long holdId, String why, Auditor auditor) {
        transactions.executeWithoutResult(status -> {
            UUID exchangeId = jdbc.sql("SELECT exchange_id FROM legal_hold WHERE id = ? AND released_at IS NULL")
                    .param(holdId)
                    .query(UUID.class)
                    .optional()
                    .orElseThrow(() -> new GatewayException(ErrorCode.NOT_FOUND, "no active legal hold " + holdId));
            jdbc.sql(
                            """
                            UPDATE legal_hold SET released_by = ?, released_at = ?, release_reason = ?
                            WHERE id = ? AND released_at IS NULL""")
                    .params(auditor.id(), clock.instant().atOffset(ZoneOffset.UTC), why, holdId)
                    .update();
            audit.record(AuditEvent.of(AuditStep.LEGAL_HOLD, Outcome.OK)
                    .exchange(exchangeId)
                    .actor(auditor.id(), auditor.certificate())
                    .detail("hold " + holdId + " released: " + why));
        });
    }

    public List<Hold> active() {
        return jdbc.sql(
                        """
                        SELECT id, exchange_id, reason, set_by, set_at FROM legal_hold
                        WHERE released_at IS NULL ORDER BY set_at DESC""")
                .query((rs, row) -> new Hold(
                        rs.getLong("id"),
                        rs.getObject("exchange_id", UUID.class),
                        rs.getString("reason"),
                        rs.getString("set_by"),
                        rs.getObject("set_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** A refusal is audited after its transaction rolled back, then passed on. */
    private <T> T refusalsAudited(UUID exchangeId, Auditor auditor, Supplier<T> action) {
        try {
            return action.get();
        } catch (GatewayException e) {
            audit.record(AuditEvent.rejected(AuditStep.LEGAL_HOLD, exchangeId, e.code(), e.getMessage())
                    .actor(auditor.id(), auditor.certificate()));
            throw e;
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > REASON) {
            throw new GatewayException(
                    ErrorCode.REASON_REQUIRED, "a legal hold needs a reason, in words, of at most 1,000 characters");
        }
        TypedText.problem(reason).ifPresent(problem -> {
            throw new GatewayException(ErrorCode.REQUEST_INVALID, problem);
        });
        return reason.strip();
    }
}
