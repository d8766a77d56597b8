package io.borderlink.gateway.share;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditTrail;
import io.borderlink.gateway.cluster.NodeIdentity;
import io.borderlink.gateway.partner.Direction;
import io.borderlink.gateway.policy.ShareDecision;
import io.borderlink.gateway.share.ShareTransition.LeaseCondition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one writer of the {@code share} table (ArchitectureTest keeps it so). A share is opened here for
 * each decision, and every {@link ShareTransition} is one method that checks the current state (and the
 * delivery lease) in a conditional update, writes the row and appends the transition's audit events in
 * the same transaction, joining the caller's when there is one. A transition the share's state or lease
 * does not allow changes nothing and is a {@link ShareStateConflict}.
 *
 * <p>The events are written by whoever knows why the share changes (the delivery attempt, the officer,
 * the administrator; the policy's decision when a share is opened); this class names the exchange and
 * the recipient in them, so that they always describe the share that changed. Lease changes that leave
 * the state as it is (claim, put back, hand over) are not audited: the attempt's outcome is.
 */
@Component
public class Shares {

    private static final int MAX_ERROR = 1000;
    private static final String NO_LEASE = "lease_owner = NULL, lease_until = NULL";

    /** Due, and not leased by a live node: what {@link #due} lists and {@link #claim} takes. */
    private static final String CLAIMABLE = "state = '" + ShareTransition.CLAIM.from()
            + "' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final String node;
    private final Duration lease;
    private final Clock clock;

    Shares(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            AuditTrail audit,
            ObjectMapper json,
            NodeIdentity node,
            OutboxSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.json = json;
        this.node = node.id();
        this.lease = settings.lease();
        this.clock = clock;
    }

    /** A share opened for a decision; its id is the message id the recipient sees; a due one is leased (see open). */
    public record Opened(UUID shareId, ShareDecision decision, Instant leasedUntil) {}

    /**
     * Opens one share per decision, in the state the decision gives, with one DECIDE event each. A share due
     * now is opened already leased to this node, whose intake hands it to a delivery worker: the worker needs no
     * claim of its own, and no other node's sweep takes the share before that lease has run out.
     */
    public List<Opened> open(UUID exchangeId, List<ShareDecision> decisions, Instant at) {
        return transactions.execute(status -> {
            List<Opened> opened = new ArrayList<>();
            Instant leasedUntil = clock.instant().plus(lease);
            for (ShareDecision decision : decisions) {
                UUID shareId = UUID.randomUUID();
                boolean due = insert(shareId, exchangeId, decision, at, leasedUntil);
                opened.add(new Opened(shareId, decision, due ? leasedUntil : null));
            }
            audit.record(opened.stream()
                    .map(share -> ShareLifecycle.decided(exchangeId, share.decision()))
                    .toList());
            return opened;
        });
    }

    public Optional<Share> find(UUID shareId) {
        return jdbc.sql(
                        """
                        SELECT s.id, s.exchange_id, s.recipient_id, s.state, s.view_digest, s.policy_version, s.approvers,
                               s.rule_id, s.reason, s.trace, e.received_at, s.narrative_edited_by
                        FROM share s JOIN exchange e ON e.id = s.exchange_id WHERE s.id = ?""")
                .param(shareId)
                .query((rs, row) -> new Share(
                        rs.getObject("id", UUID.class),
                        rs.getObject("exchange_id", UUID.class),
                        rs.getString("recipient_id"),
                        ShareState.valueOf(rs.getString("state")),
                        rs.getString("view_digest"),
                        rs.getString("policy_version"),
                        rs.getInt("approvers"),
                        rs.getString("rule_id"),
                        rs.getString("reason"),
                        rs.getString("trace"),
                        rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                        rs.getString("narrative_edited_by")))
                .optional();
    }

    /** Takes the share row's lock for the rest of the caller's transaction, then reads it. */
    public Optional<Share> lock(UUID shareId) {
        jdbc.sql("SELECT id FROM share WHERE id = ? FOR UPDATE")
                .param(shareId)
                .query(UUID.class)
                .optional();
        return find(shareId);
    }

    /** Shares whose next attempt is due and that no live node holds, oldest first. */
    public List<UUID> due(int limit) {
        OffsetDateTime now = now();
        return jdbc.sql("SELECT id FROM share WHERE " + CLAIMABLE + " ORDER BY next_attempt_at LIMIT ?")
                .params(now, now, limit)
                .query(UUID.class)
                .list();
    }

    /**
     * Takes the lease for one attempt in one conditional update, so that two nodes never send a share at
     * once; empty when the share is not due or another live node has it. A lease that ran out (its node
     * crashed) is taken over.
     */
    public Optional<Lease> claim(UUID shareId) {
        OffsetDateTime now = now();
        int claimed = jdbc.sql("UPDATE share SET lease_owner = ?, lease_until = ?, updated_at = ? WHERE id = ? AND "
                        + CLAIMABLE)
                .params(node, now.plus(lease), now, shareId, now, now)
                .update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql(
                        """
                        SELECT s.exchange_id, s.recipient_id, e.direction, s.attempts, s.view_digest
                        FROM share s JOIN exchange e ON e.id = s.exchange_id WHERE s.id = ?""")
                .param(shareId)
                .query((rs, n) -> new Lease(
                        shareId,
                        rs.getObject("exchange_id", UUID.class),
                        rs.getString("recipient_id"),
                        Direction.valueOf(rs.getString("direction")),
                        rs.getInt("attempts") + 1,
                        rs.getString("view_digest")))
                .single());
    }

    /** Extends the lease a share was opened with (see {@link #open}); false when it is no longer this node's to try. */
    public boolean renew(Lease opened) {
        OffsetDateTime now = now();
        return jdbc.sql("UPDATE share SET lease_until = ?, updated_at = ? WHERE id = ? AND state = '"
                                + ShareTransition.CLAIM.from() + "' AND lease_owner = ? AND attempts = 0")
                        .params(now.plus(lease), now, opened.shareId(), node)
                        .update()
                == 1;
    }

    /** Gives the lease back untried; the share is due again at {@code next}. */
    public void putBack(Lease lease, Instant next) {
        change(lease.ref(), ShareTransition.PUT_BACK, List.of(), "next_attempt_at = ?, " + NO_LEASE, utc(next));
    }

    /** Gives up every lease this node holds; answers how many. */
    public int handOver() {
        return jdbc.sql("UPDATE share SET " + NO_LEASE + ", updated_at = ? WHERE lease_owner = ? AND state = '"
                        + ShareTransition.HAND_OVER.from() + "'")
                .params(now(), node)
                .update();
    }

    public void deliver(Lease lease, List<AuditEvent> attempt) {
        change(
                lease.ref(),
                ShareTransition.DELIVER,
                attempt,
                "attempts = ?, delivered_at = ?, last_error_code = NULL, last_error = NULL, " + NO_LEASE,
                lease.attempt(),
                now());
    }

    /** The attempt left the share as a file in the recipient's export folder (file drop): handed over. */
    public void dropOff(Lease lease, List<AuditEvent> attempt) {
        change(
                lease.ref(),
                ShareTransition.DROP_OFF,
                attempt,
                "attempts = ?, last_error_code = NULL, last_error = NULL, " + NO_LEASE,
                lease.attempt());
    }

    /** A handed-over share's signed receipt file came back: delivered now. */
    public void confirm(ShareRef share, AuditEvent event) {
        change(share, ShareTransition.CONFIRM, List.of(event), "delivered_at = ?", now());
    }

    public void retry(Lease lease, GatewayException failure, Instant next, List<AuditEvent> attempt) {
        change(
                lease.ref(),
                ShareTransition.RETRY,
                attempt,
                "attempts = ?, next_attempt_at = ?, last_error_code = ?, last_error = ?, " + NO_LEASE,
                lease.attempt(),
                utc(next),
                failure.code().name(),
                truncate(failure.getMessage()));
    }

    public void deadLetter(Lease lease, GatewayException failure, List<AuditEvent> attempt) {
        change(
                lease.ref(),
                ShareTransition.DEAD_LETTER,
                attempt,
                "attempts = ?, next_attempt_at = NULL, last_error_code = ?, last_error = ?, " + NO_LEASE,
                lease.attempt(),
                failure.code().name(),
                truncate(failure.getMessage()));
    }

    /** Makes a dead letter due now, with all its attempts again. */
    public void resend(ShareRef share, AuditEvent event) {
        change(share, ShareTransition.RESEND, List.of(event), "attempts = 0, next_attempt_at = ?, " + NO_LEASE, now());
    }

    public void abandon(ShareRef share, String by, String reason, AuditEvent event) {
        change(
                share,
                ShareTransition.ABANDON,
                List.of(event),
                "abandoned_by = ?, abandoned_at = ?, abandon_reason = ?",
                by,
                now(),
                reason);
    }

    /** A held share goes out: due now. */
    public void release(ShareRef share, AuditEvent event) {
        change(share, ShareTransition.RELEASE, List.of(event), "next_attempt_at = ?", now());
    }

    /** A held share takes the decision of the policy in force now: its view, rule, approvers and trace. */
    public void review(ShareRef share, ShareDecision now, AuditEvent event) {
        change(
                share,
                ShareTransition.REVIEW,
                List.of(event),
                "view_digest = ?, policy_version = ?, rule_id = ?, reason = ?, approvers = ?, trace = ?",
                now.viewDigest(),
                now.policyVersion(),
                now.ruleId(),
                now.reason(),
                now.approvers(),
                traceJson(now));
    }

    /**
     * An officer edited a held share's outgoing narrative: the share takes the decision that carries the
     * officer's text (its view, rule, approvers and trace), and approvals of the old view stop counting.
     */
    public void editNarrative(ShareRef share, ShareDecision edited, String officer, AuditEvent event) {
        change(
                share,
                ShareTransition.REVIEW,
                List.of(event),
                "view_digest = ?, policy_version = ?, rule_id = ?, reason = ?, approvers = ?, trace = ?,"
                        + " narrative_edited_by = ?",
                edited.viewDigest(),
                edited.policyVersion(),
                edited.ruleId(),
                edited.reason(),
                edited.approvers(),
                traceJson(edited),
                officer);
    }

    public void reject(ShareRef share, AuditEvent event) {
        change(share, ShareTransition.REJECT, List.of(event), null);
    }

    public void expire(ShareRef share, AuditEvent event) {
        change(share, ShareTransition.EXPIRE, List.of(event), null);
    }

    /** The policy in force now denies a held share. */
    public void deny(ShareRef share, AuditEvent event) {
        change(share, ShareTransition.DENY, List.of(event), null);
    }

    /**
     * Applies a transition in one conditional update (state, and lease where the transition needs this
     * node's) and appends its events; refuses with nothing changed when the update finds no such row.
     */
    private void change(
            ShareRef share, ShareTransition transition, List<AuditEvent> events, String assignments, Object... values) {
        transactions.executeWithoutResult(status -> {
            List<Object> params = new ArrayList<>();
            params.add(transition.to().name());
            params.addAll(Arrays.asList(values));
            params.add(now());
            params.add(share.shareId());
            params.add(transition.from().name());
            StringBuilder sql = new StringBuilder("UPDATE share SET state = ?, ");
            if (assignments != null) {
                sql.append(assignments).append(", ");
            }
            sql.append("updated_at = ? WHERE id = ? AND state = ?");
            if (transition.lease() == LeaseCondition.THIS_NODE) {
                sql.append(" AND lease_owner = ?");
                params.add(node);
            }
            if (jdbc.sql(sql.toString()).params(params).update() == 0) {
                throw refused(share, transition);
            }
            audit.record(events.stream()
                    .map(event -> event.about(share.exchangeId(), share.recipientId()))
                    .toList());
        });
    }

    private GatewayException refused(ShareRef share, ShareTransition transition) {
        return jdbc.sql("SELECT state FROM share WHERE id = ?")
                .param(share.shareId())
                .query(String.class)
                .optional()
                .<GatewayException>map(
                        state -> ShareLifecycle.refused(share.shareId(), ShareState.valueOf(state), transition))
                .orElseGet(() -> new GatewayException(ErrorCode.NOT_FOUND, "no share " + share.shareId()));
    }

    /** Answers whether the share is due now, and so opened leased to this node. */
    private boolean insert(UUID shareId, UUID exchangeId, ShareDecision decision, Instant at, Instant leasedUntil) {
        ShareState state = ShareLifecycle.opened(decision.decision());
        boolean due = state == ShareState.PENDING;
        jdbc.sql(
                        """
                        INSERT INTO share (id, exchange_id, recipient_id, decision, rule_id, reason, policy_version,
                                           view_digest, state, next_attempt_at, updated_at, approvers, trace,
                                           lease_owner, lease_until)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        shareId,
                        exchangeId,
                        decision.partnerId(),
                        decision.decision().name(),
                        decision.ruleId(),
                        decision.reason(),
                        decision.policyVersion(),
                        decision.viewDigest(),
                        state.name(),
                        due ? utc(at) : null,
                        utc(at),
                        decision.approvers(),
                        traceJson(decision),
                        due ? node : null,
                        due ? utc(leasedUntil) : null)
                .update();
        return due;
    }

    private String traceJson(ShareDecision decision) {
        try {
            return json.writeValueAsString(decision.trace());
        } catch (JsonProcessingException e) {
            throw new GatewayException(ErrorCode.INTERNAL_ERROR, "decision trace cannot be written", e);
        }
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String message) {
        return message == null || message.length() <= MAX_ERROR ? message : message.substring(0, MAX_ERROR);
    }
}
