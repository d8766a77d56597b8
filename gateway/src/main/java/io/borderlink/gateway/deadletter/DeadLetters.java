package io.borderlink.gateway.deadletter;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.gateway.approval.CurrentPolicy;
import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditEvent.Outcome;
import io.borderlink.gateway.audit.AuditStep;
import io.borderlink.gateway.audit.AuditTrail;
import io.borderlink.gateway.deadletter.DeadLetterDetail.HistoryEntry;
import io.borderlink.gateway.exchange.EvidenceStore;
import io.borderlink.gateway.policy.Decision;
import io.borderlink.gateway.policy.ShareDecision;
import io.borderlink.gateway.security.Caller;
import io.borderlink.gateway.share.Share;
import io.borderlink.gateway.share.ShareRef;
import io.borderlink.gateway.share.ShareState;
import io.borderlink.gateway.share.ShareStateConflict;
import io.borderlink.gateway.share.Shares;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an administrator can do about dead letters: look at them, send them again (with a fresh set of
 * attempts) or abandon them with a reason. {@link Shares} changes the share only if it is still a dead
 * letter, so two administrators cannot both act on one, and audits each action with who did it.
 */
@Component
public class DeadLetters {

    /** A list is for reading, not for paging through thousands; resend-all is not limited. */
    private static final int LIST_LIMIT = 500;

    private static final String COLUMNS =
            """
            SELECT s.id, s.exchange_id, s.recipient_id, e.direction, s.attempts, s.last_error_code, s.last_error,
                   s.updated_at, s.state
            FROM share s JOIN exchange e ON e.id = s.exchange_id""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Shares shares;
    private final CurrentPolicy policy;
    private final EvidenceStore evidence;
    private final AuditTrail audit;

    DeadLetters(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Shares shares,
            CurrentPolicy policy,
            EvidenceStore evidence,
            AuditTrail audit) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.shares = shares;
        this.policy = policy;
        this.evidence = evidence;
        this.audit = audit;
    }

    /** Dead letters, oldest first; all of them, or those for one recipient. */
    public List<DeadLetter> list(String recipient) {
        String where = " WHERE s.state = 'DEAD_LETTER'" + (recipient == null ? "" : " AND s.recipient_id = ?");
        JdbcClient.StatementSpec query = jdbc.sql(COLUMNS + where + " ORDER BY s.updated_at LIMIT " + LIST_LIMIT);
        if (recipient != null) {
            query = query.param(recipient);
        }
        return query.query((rs, n) -> deadLetter(rs)).list();
    }

    public DeadLetterDetail inspect(UUID shareId) {
        Row row = row(shareId);
        List<HistoryEntry> history = jdbc.sql(
                        """
                        SELECT occurred_at, step, outcome, code, actor, detail FROM audit_event
                        WHERE exchange_id = ? AND partner_id = ? AND step IN ('DELIVER', 'DEAD_LETTER', 'DEAD_LETTER_ADMIN')
                        ORDER BY id""")
                .params(row.deadLetter().exchangeId(), row.deadLetter().recipient())
                .query((rs, n) -> new HistoryEntry(
                        rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getString("step"),
                        rs.getString("outcome"),
                        rs.getString("code"),
                        rs.getString("actor"),
                        rs.getString("detail")))
                .list();
        return new DeadLetterDetail(row.deadLetter(), row.state(), history);
    }

    /**
     * Makes the share due again now, with all its attempts, if the policy in force now would still send it as
     * it was decided; otherwise refuses with VIEW_CHANGED (audited) and the share stays a dead letter.
     */
    public void resend(UUID shareId, Caller admin) {
        refusalsAudited(
                shareId,
                admin,
                () -> stillDeadLetter(() -> transactions.execute(status -> {
                    DeadLetter deadLetter = row(shareId).deadLetter();
                    policyChange(deadLetter).ifPresent(change -> {
                        throw new GatewayException(ErrorCode.VIEW_CHANGED, change + "; it was not resent");
                    });
                    resendOne(deadLetter, admin);
                    return 1;
                })));
    }

    /** Resends every dead letter for the recipient; answers how many. */
    public int resendAll(String recipient, Caller admin) {
        return refusalsAudited(null, admin, () -> resendAllOf(recipient, admin));
    }

    private int resendAllOf(String recipient, Caller admin) {
        if (recipient == null || recipient.isBlank()) {
            throw new GatewayException(ErrorCode.REQUEST_INVALID, "name the recipient whose dead letters to resend");
        }
        return stillDeadLetter(() -> transactions.execute(status -> {
            List<DeadLetter> deadLetters = jdbc.sql(COLUMNS + " WHERE s.state = 'DEAD_LETTER' AND s.recipient_id = ?")
                    .param(recipient)
                    .query((rs, n) -> deadLetter(rs))
                    .list();
            List<DeadLetter> unchanged = deadLetters.stream()
                    .filter(deadLetter -> policyChange(deadLetter).isEmpty())
                    .toList();
            unchanged.forEach(deadLetter -> resendOne(deadLetter, admin));
            return unchanged.size();
        }));
    }

    /** Gives up on the share for good; the reason is kept with it and in the audit trail. */
    public void abandon(UUID shareId, Caller admin, String reason) {
        refusalsAudited(shareId, admin, () -> {
            if (reason == null || reason.isBlank() || reason.length() > 1000) {
                throw new GatewayException(
                        ErrorCode.REASON_REQUIRED, "abandoning needs a reason of 1 to 1,000 characters");
            }
            return stillDeadLetter(() -> transactions.execute(status -> {
                DeadLetter deadLetter = row(shareId).deadLetter();
                shares.abandon(
                        ref(deadLetter), admin.id(), reason, event(admin, Outcome.DENIED, "abandoned: " + reason));
                return 1;
            }));
        });
    }

    /**
     * An administrator's action refused is audited once its transaction rolled back, with the share's exchange and
     * recipient when the share exists (never a recipient as typed, which need not be one), then passed on.
     */
    private <T> T refusalsAudited(UUID shareId, Caller admin, Supplier<T> action) {
        try {
            return action.get();
        } catch (GatewayException e) {
            Optional<DeadLetter> share =
                    shareId == null ? Optional.empty() : anyRow(shareId).map(Row::deadLetter);
            audit.record(AuditEvent.rejected(
                            AuditStep.DEAD_LETTER_ADMIN,
                            share.map(DeadLetter::exchangeId).orElse(null),
                            e.code(),
                            (shareId == null ? "" : "share " + shareId + ": ") + e.getMessage())
                    .partner(share.map(DeadLetter::recipient).orElse(null))
                    .actor(admin.id(), admin.certificate()));
            throw e;
        }
    }

    private void resendOne(DeadLetter deadLetter, Caller admin) {
        shares.resend(
                ref(deadLetter),
                event(
                        admin,
                        Outcome.RETRY,
                        "resent after " + deadLetter.attempts() + " attempt(s), last " + deadLetter.lastErrorCode()));
    }

    /**
     * Why the policy in force now would not send an outbound dead letter as it was decided: it denies it, or
     * gives another partner view, or wants more approvals than it had. Inbound shares go to the agencies
     * their exchange addresses, which no partner policy changes.
     */
    private Optional<String> policyChange(DeadLetter deadLetter) {
        if (!"OUTBOUND".equals(deadLetter.direction())) {
            return Optional.empty();
        }
        Share share = shares.find(deadLetter.shareId())
                .orElseThrow(() -> new GatewayException(ErrorCode.NOT_FOUND, "no share " + deadLetter.shareId()));
        ShareDecision now = policy.decide(share, evidence.signedOriginal(deadLetter.exchangeId()));
        if (now.decision() == Decision.DENY) {
            return Optional.of("the policy in force now denies it (" + now.ruleId() + ")");
        }
        if (!Objects.equals(now.viewDigest(), share.viewDigest())) {
            return Optional.of("the policy in force now gives another partner view (" + now.ruleId() + ")");
        }
        if (now.approvers() > share.approvers()) {
            return Optional.of(
                    "the policy in force now wants " + now.approvers() + " approvals (" + now.ruleId() + ")");
        }
        return Optional.empty();
    }

    /** A share that is no longer a dead letter (resent, abandoned or delivered meanwhile) is this API's own answer. */
    private static int stillDeadLetter(Supplier<Integer> action) {
        try {
            return action.get();
        } catch (ShareStateConflict e) {
            throw new GatewayException(
                    ErrorCode.DEAD_LETTER_CLOSED, "share " + e.shareId() + " is not a dead letter", e);
        }
    }

    private Row row(UUID shareId) {
        return anyRow(shareId)
                .filter(row -> row.state().equals(ShareState.DEAD_LETTER.name())
                        || row.state().equals(ShareState.ABANDONED.name()))
                .orElseThrow(() -> new GatewayException(ErrorCode.NOT_FOUND, "no dead letter " + shareId));
    }

    private static DeadLetter deadLetter(ResultSet rs) throws SQLException {
        return new DeadLetter(
                rs.getObject("id", UUID.class),
                rs.getObject("exchange_id", UUID.class),
                rs.getString("recipient_id"),
                rs.getString("direction"),
                rs.getInt("attempts"),
                rs.getString("last_error_code"),
                rs.getString("last_error"),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static ShareRef ref(DeadLetter deadLetter) {
        return new ShareRef(deadLetter.shareId(), deadLetter.exchangeId(), deadLetter.recipient());
    }

    private static AuditEvent event(Caller admin, Outcome outcome, String detail) {
        return AuditEvent.of(AuditStep.DEAD_LETTER_ADMIN, outcome)
                .actor(admin.id(), admin.certificate())
                .detail(detail);
    }

    /** The share, whatever its state. */
    private Optional<Row> anyRow(UUID shareId) {
        return jdbc.sql(COLUMNS + " WHERE s.id = ?")
                .param(shareId)
                .query((rs, n) -> new Row(deadLetter(rs), rs.getString("state")))
                .optional();
    }

    /** A share and its state (dead or abandoned, where {@link #row} answers it). */
    private record Row(DeadLetter deadLetter, String state) {}
}
