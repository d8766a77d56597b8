package io.borderlink.gateway.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.JoseCrypto;
import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditEvent.Outcome;
import io.borderlink.gateway.audit.AuditStep;
import io.borderlink.gateway.audit.AuditTrail;
import io.borderlink.gateway.delivery.PartnerMessages;
import io.borderlink.gateway.exchange.EvidenceKind;
import io.borderlink.gateway.exchange.EvidenceStore;
import io.borderlink.gateway.exchange.ShareState;
import io.borderlink.gateway.partner.Partner;
import io.borderlink.gateway.partner.PartnerDirectory;
import io.borderlink.gateway.partner.Partners;
import io.borderlink.gateway.pki.GatewayKeys;
import io.borderlink.gateway.policy.Decision;
import io.borderlink.gateway.policy.PolicyEngine;
import io.borderlink.gateway.policy.PolicyEngine.Mode;
import io.borderlink.gateway.policy.RuleOutcome;
import io.borderlink.gateway.policy.ShareDecision;
import io.borderlink.gateway.security.Caller;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The approve step: held shares as tasks for liaison officers. An approval counts only for the exact
 * partner view (its digest) and policy version it was given for, is signed by the gateway on the
 * officer's behalf, and counts once per officer. When the policy in force now gives another view, the
 * task is brought up to date and earlier approvals stop counting. Concurrent actions on one task, from
 * any node, give exactly one outcome: a Hazelcast lock keeps them apart cheaply, the share row lock in
 * the database decides.
 */
@Component
public class Approvals {

    private static final String LOCKS = "borderlink-approval-locks";
    private static final int MAX_REASON = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EvidenceStore evidence;
    private final Partners partners;
    private final PolicyEngine engine;
    private final PartnerMessages messages;
    private final AuditTrail audit;
    private final JoseCrypto jose;
    private final GatewayKeys keys;
    private final IMap<UUID, Boolean> locks;
    private final ApprovalSettings settings;
    private final ObjectMapper json;
    private final Clock clock;

    Approvals(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            EvidenceStore evidence,
            Partners partners,
            PolicyEngine engine,
            PartnerMessages messages,
            AuditTrail audit,
            JoseCrypto jose,
            GatewayKeys keys,
            HazelcastInstance hazelcast,
            ApprovalSettings settings,
            ObjectMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.evidence = evidence;
        this.partners = partners;
        this.engine = engine;
        this.messages = messages;
        this.audit = audit;
        this.jose = jose;
        this.keys = keys;
        this.locks = hazelcast.getMap(LOCKS);
        this.settings = settings;
        this.json = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        this.clock = clock;
    }

    /** Held shares, oldest first, narrowed by whatever filters are given. */
    public List<QueueItem> queue(QueueFilter filter) {
        StringBuilder sql = new StringBuilder(
                """
                SELECT s.id, s.exchange_id, s.partner_id, s.rule_id, s.approvers, s.view_digest, e.originator,
                       e.category, e.classification, e.received_at,
                       (SELECT count(*) FROM approval a WHERE a.share_id = s.id AND a.view_digest = s.view_digest
                          AND a.verdict = 'APPROVE') AS approvals
                FROM share s JOIN exchange e ON e.id = s.exchange_id
                WHERE s.state = 'HELD'""");
        List<Object> params = new ArrayList<>();
        if (filter.partner() != null) {
            sql.append(" AND s.partner_id = ?");
            params.add(filter.partner());
        }
        if (filter.category() != null) {
            sql.append(" AND e.category = ?");
            params.add(filter.category());
        }
        if (filter.classification() != null) {
            sql.append(" AND e.classification = ?");
            params.add(filter.classification());
        }
        if (filter.olderThan() != null) {
            sql.append(" AND e.received_at < ?");
            params.add(utc(clock.instant().minus(filter.olderThan())));
        }
        sql.append(" ORDER BY e.received_at, s.partner_id");
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, row) -> new QueueItem(
                        rs.getObject("id", UUID.class),
                        rs.getObject("exchange_id", UUID.class),
                        rs.getString("partner_id"),
                        rs.getString("originator"),
                        rs.getString("category"),
                        rs.getString("classification"),
                        instant(rs, "received_at"),
                        instant(rs, "received_at").plus(settings.expireAfter()),
                        rs.getString("rule_id"),
                        rs.getInt("approvals"),
                        rs.getInt("approvers")))
                .list();
    }

    /** Everything an officer needs to decide: the partner view as the partner gets it, the diff, the trace. */
    public ApprovalTask task(UUID shareId) {
        Share share = share(shareId, false).orElseThrow(() -> notFound(shareId));
        Exchange original = original(share.exchangeId());
        byte[] view = evidence.find(share.exchangeId(), EvidenceKind.PARTNER_VIEW, share.partnerId())
                .orElseThrow(() ->
                        new GatewayException(ErrorCode.INTERNAL_ERROR, "partner view of " + shareId + " is missing"));
        Optional<Partner> partner = partners.current().find(share.partnerId());
        String rendered = partner.map(p -> rendered(view, p, shareId)).orElse(null);
        return new ApprovalTask(
                shareId,
                share.exchangeId(),
                share.partnerId(),
                partner.map(p -> p.format().id()).orElse(null),
                share.state(),
                original.header().originator(),
                original.header().category().name(),
                original.markings().classification().name(),
                original.markings().tlp().label(),
                original.markings().handlingCode().name(),
                share.receivedAt(),
                share.receivedAt().plus(settings.expireAfter()),
                share.ruleId(),
                share.reason(),
                share.approvers(),
                share.viewDigest(),
                share.policyVersion(),
                new String(view, StandardCharsets.UTF_8),
                rendered,
                ViewDiff.between(ExchangeXml.write(original), view),
                trace(share.trace()),
                decisions(shareId, share.viewDigest()));
    }

    public Result approve(UUID shareId, String shownDigest, Caller officer, String reason) {
        return decide(shareId, shownDigest, officer, reason, Verdict.APPROVE);
    }

    public Result reject(UUID shareId, String shownDigest, Caller officer, String reason) {
        return decide(shareId, shownDigest, officer, reason, Verdict.REJECT);
    }

    /** Expires every task that waited longer than allowed; returns how many. */
    public int expireOverdue() {
        Instant deadline = clock.instant().minus(settings.expireAfter());
        List<UUID> overdue = jdbc.sql(
                        """
                        SELECT s.id FROM share s JOIN exchange e ON e.id = s.exchange_id
                        WHERE s.state = 'HELD' AND e.received_at < ?""")
                .param(utc(deadline))
                .query(UUID.class)
                .list();
        int expired = 0;
        for (UUID shareId : overdue) {
            Boolean done = transactions.execute(status -> share(shareId, true)
                    .filter(s -> s.state() == ShareState.HELD)
                    .map(s -> {
                        setState(s, ShareState.EXPIRED);
                        audit.record(event(
                                s,
                                Outcome.FAILED,
                                ErrorCode.APPROVAL_CLOSED.name(),
                                "gateway",
                                null,
                                "expired after " + settings.expireAfter() + " without a decision"));
                        return true;
                    })
                    .orElse(false));
            expired += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return expired;
    }

    private Result decide(UUID shareId, String shownDigest, Caller officer, String reason, Verdict verdict) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw new GatewayException(
                    ErrorCode.REASON_REQUIRED, "a reason of 1 to " + MAX_REASON + " characters is required");
        }
        boolean locked = lock(shareId);
        try {
            Result result = transactions.execute(
                    status -> decideLocked(shareId, shownDigest, officer, reason.strip(), verdict));
            if (result.error() != null) {
                throw new GatewayException(result.error(), result.message());
            }
            return result;
        } catch (DuplicateKeyException e) {
            // Another node let the same officer in between our check and our insert; the constraint decided.
            throw new GatewayException(ErrorCode.APPROVAL_DUPLICATE, officer.id() + " already decided on this view", e);
        } finally {
            if (locked) {
                locks.unlock(shareId);
            }
        }
    }

    /** Runs inside one transaction holding the share row's lock; state changes commit even when the answer is an error. */
    private Result decideLocked(UUID shareId, String shownDigest, Caller officer, String reason, Verdict verdict) {
        Share share = share(shareId, true).orElseThrow(() -> notFound(shareId));
        if (share.state() != ShareState.HELD) {
            return Result.error(ErrorCode.APPROVAL_CLOSED, "the task is " + share.state() + ", no longer open");
        }
        if (clock.instant().isAfter(share.receivedAt().plus(settings.expireAfter()))) {
            setState(share, ShareState.EXPIRED);
            audit.record(event(share, Outcome.FAILED, ErrorCode.APPROVAL_CLOSED.name(), "gateway", null, "expired"));
            return Result.error(ErrorCode.APPROVAL_CLOSED, "the task expired");
        }
        Exchange original = original(share.exchangeId());
        if (officer.agency() != null
                && officer.agency().equals(original.header().originator())) {
            audit.record(event(
                    share,
                    Outcome.REJECTED,
                    ErrorCode.APPROVAL_NOT_ALLOWED.name(),
                    officer.id(),
                    officer.certificate(),
                    "an officer of " + officer.agency() + " may not decide its own agency's share"));
            return Result.error(
                    ErrorCode.APPROVAL_NOT_ALLOWED, "an officer may not decide a share of their own agency");
        }
        ShareDecision now = redecide(share, original);
        if (now.decision() == Decision.DENY) {
            setState(share, ShareState.DENIED);
            audit.record(event(
                    share,
                    Outcome.DENIED,
                    now.ruleId(),
                    "policy",
                    null,
                    "the policy in force now denies the share (" + now.policyVersion() + "): " + now.reason()));
            return Result.error(
                    ErrorCode.APPROVAL_CLOSED, "the policy in force now denies this share: " + now.reason());
        }
        if (!now.viewDigest().equals(share.viewDigest()) || !now.policyVersion().equals(share.policyVersion())) {
            refresh(share, now);
            return Result.error(
                    ErrorCode.VIEW_CHANGED,
                    "the partner view changed under policy " + now.policyVersion()
                            + "; earlier approvals no longer count, review it again");
        }
        if (!share.viewDigest().equals(shownDigest)) {
            return Result.error(ErrorCode.VIEW_CHANGED, "this is not the partner view you were shown; review it again");
        }
        if (alreadyDecided(shareId, share.viewDigest(), officer.id())) {
            return Result.error(ErrorCode.APPROVAL_DUPLICATE, officer.id() + " already decided on this partner view");
        }
        record(share, officer, reason, verdict);
        if (verdict == Verdict.REJECT) {
            setState(share, ShareState.REJECTED);
            audit.record(
                    event(share, Outcome.REJECTED, null, officer.id(), officer.certificate(), "rejected: " + reason));
            return new Result(ShareState.REJECTED, 0, share.approvers(), null, "rejected");
        }
        int approvals = approvals(shareId, share.viewDigest());
        if (approvals >= share.approvers()) {
            release(share);
            audit.record(event(
                    share,
                    Outcome.RELEASED,
                    null,
                    officer.id(),
                    officer.certificate(),
                    "approved (" + approvals + " of " + share.approvers() + "), released: " + reason));
            return new Result(
                    ShareState.PENDING, approvals, share.approvers(), null, "released to " + share.partnerId());
        }
        audit.record(event(
                share,
                Outcome.OK,
                null,
                officer.id(),
                officer.certificate(),
                "approved (" + approvals + " of " + share.approvers() + "): " + reason));
        return new Result(
                ShareState.HELD,
                approvals,
                share.approvers(),
                null,
                "approval " + approvals + " of " + share.approvers() + " recorded");
    }

    /** The decision the policy in force now gives, on the original as received. */
    private ShareDecision redecide(Share share, Exchange original) {
        PartnerDirectory directory = partners.current();
        Optional<Partner> partner = directory.find(share.partnerId());
        if (partner.isEmpty()) {
            return ShareDecision.deny(
                    share.partnerId(), "partner-known", "no partner " + share.partnerId() + " is configured");
        }
        boolean named = original.header().addressees().contains(share.partnerId());
        return engine.decide(original, directory.policyTarget(partner.get()), named, Mode.CHECK_RATE);
    }

    /** Brings a task up to date with the policy in force; approvals for the old view stay recorded but stop counting. */
    private void refresh(Share share, ShareDecision now) {
        Instant at = clock.instant();
        evidence.store(
                share.exchangeId(),
                EvidenceKind.PARTNER_VIEW,
                share.partnerId(),
                now.viewDigest(),
                now.viewBytes(),
                at);
        jdbc.sql(
                        """
                        UPDATE share SET view_digest = ?, policy_version = ?, rule_id = ?, reason = ?, approvers = ?,
                                         trace = ?, updated_at = ?
                        WHERE id = ?""")
                .params(
                        now.viewDigest(),
                        now.policyVersion(),
                        now.ruleId(),
                        now.reason(),
                        now.approvers(),
                        traceJson(now.trace()),
                        utc(at),
                        share.id())
                .update();
        audit.record(event(
                        share,
                        Outcome.HELD,
                        ErrorCode.VIEW_CHANGED.name(),
                        "policy",
                        null,
                        "partner view changed under policy " + now.policyVersion()
                                + "; earlier approvals no longer count")
                .digest(now.viewDigest()));
        if (now.decision() == Decision.RELEASE) {
            release(share);
            audit.record(event(
                    share,
                    Outcome.RELEASED,
                    null,
                    "policy",
                    null,
                    "the policy in force now releases the share without approval"));
        }
    }

    private void record(Share share, Caller officer, String reason, Verdict verdict) {
        Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("share", share.id().toString());
        statement.put("exchange", share.exchangeId().toString());
        statement.put("partner", share.partnerId());
        statement.put("viewDigest", share.viewDigest());
        statement.put("policyVersion", share.policyVersion());
        statement.put("verdict", verdict.name());
        statement.put("reason", reason);
        statement.put("officer", officer.id());
        statement.put("officerCertificate", officer.certificate());
        statement.put("decidedAt", at.toString());
        String signed = jose.sign(bytes(statement), keys.signing());
        jdbc.sql(
                        """
                        INSERT INTO approval (share_id, view_digest, policy_version, officer, officer_certificate, verdict,
                                              reason, decided_at, statement)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        share.id(),
                        share.viewDigest(),
                        share.policyVersion(),
                        officer.id(),
                        officer.certificate(),
                        verdict.name(),
                        reason,
                        utc(at),
                        signed)
                .update();
    }

    private void release(Share share) {
        Instant now = clock.instant();
        jdbc.sql(
                        "UPDATE share SET state = 'PENDING', next_attempt_at = ?, updated_at = ? WHERE id = ? AND state = 'HELD'")
                .params(utc(now), utc(now), share.id())
                .update();
    }

    private void setState(Share share, ShareState state) {
        jdbc.sql("UPDATE share SET state = ?, updated_at = ? WHERE id = ?")
                .params(state.name(), utc(clock.instant()), share.id())
                .update();
    }

    private boolean alreadyDecided(UUID shareId, String digest, String officer) {
        return jdbc.sql("SELECT count(*) FROM approval WHERE share_id = ? AND view_digest = ? AND officer = ?")
                        .params(shareId, digest, officer)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private int approvals(UUID shareId, String digest) {
        return jdbc.sql("SELECT count(*) FROM approval WHERE share_id = ? AND view_digest = ? AND verdict = 'APPROVE'")
                .params(shareId, digest)
                .query(Integer.class)
                .single();
    }

    private List<ApprovalTask.Decided> decisions(UUID shareId, String currentDigest) {
        return jdbc.sql(
                        """
                        SELECT officer, verdict, reason, decided_at, view_digest, officer_certificate
                        FROM approval WHERE share_id = ? ORDER BY id""")
                .param(shareId)
                .query((rs, row) -> new ApprovalTask.Decided(
                        rs.getString("officer"),
                        rs.getString("verdict"),
                        rs.getString("reason"),
                        instant(rs, "decided_at"),
                        rs.getString("officer_certificate"),
                        currentDigest.equals(rs.getString("view_digest"))))
                .list();
    }

    /** @param forUpdate take the share row's lock first, for the rest of the transaction */
    private Optional<Share> share(UUID shareId, boolean forUpdate) {
        if (forUpdate) {
            jdbc.sql("SELECT id FROM share WHERE id = ? FOR UPDATE")
                    .param(shareId)
                    .query(UUID.class)
                    .optional();
        }
        return jdbc.sql(
                        """
                        SELECT s.id, s.exchange_id, s.partner_id, s.state, s.view_digest, s.policy_version, s.approvers,
                               s.rule_id, s.reason, s.trace, e.received_at
                        FROM share s JOIN exchange e ON e.id = s.exchange_id WHERE s.id = ?""")
                .param(shareId)
                .query((rs, row) -> new Share(
                        rs.getObject("id", UUID.class),
                        rs.getObject("exchange_id", UUID.class),
                        rs.getString("partner_id"),
                        ShareState.valueOf(rs.getString("state")),
                        rs.getString("view_digest"),
                        rs.getString("policy_version"),
                        rs.getInt("approvers"),
                        rs.getString("rule_id"),
                        rs.getString("reason"),
                        rs.getString("trace"),
                        instant(rs, "received_at")))
                .optional();
    }

    private Exchange original(UUID exchangeId) {
        byte[] signed = evidence.original(exchangeId, EvidenceKind.SIGNED_ORIGINAL)
                .orElseThrow(() ->
                        new GatewayException(ErrorCode.INTERNAL_ERROR, "original of " + exchangeId + " is missing"));
        return ExchangeXml.read(SecureXml.parse(signed));
    }

    private String rendered(byte[] view, Partner partner, UUID shareId) {
        try {
            Exchange partnerView = ExchangeXml.read(SecureXml.parse(view));
            return messages.render(partnerView, partner.recipient(), shareId).readable();
        } catch (GatewayException e) {
            return "cannot be rendered in " + partner.format().id() + ": " + e.getMessage();
        }
    }

    /** The lock only spares the database from contention; when it cannot be had, the row lock still decides. */
    private boolean lock(UUID shareId) {
        try {
            return locks.tryLock(shareId, settings.lockWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<RuleOutcome> trace(String trace) {
        if (trace == null) {
            return List.of();
        }
        try {
            return json.readValue(trace, new TypeReference<List<RuleOutcome>>() {});
        } catch (JsonProcessingException e) {
            throw new GatewayException(ErrorCode.INTERNAL_ERROR, "stored decision trace cannot be read", e);
        }
    }

    private String traceJson(List<RuleOutcome> trace) {
        return new String(bytes(trace), StandardCharsets.UTF_8);
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new GatewayException(ErrorCode.INTERNAL_ERROR, "statement cannot be written", e);
        }
    }

    private static AuditEvent event(
            Share share, Outcome outcome, String code, String actor, String certificate, String detail) {
        return new AuditEvent(
                AuditStep.APPROVAL,
                outcome,
                share.exchangeId(),
                share.partnerId(),
                code,
                actor,
                certificate,
                share.viewDigest(),
                detail);
    }

    private static GatewayException notFound(UUID shareId) {
        return new GatewayException(ErrorCode.NOT_FOUND, "no share " + shareId);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    enum Verdict {
        APPROVE,
        REJECT
    }

    /** A held share as the approval step reads it. */
    private record Share(
            UUID id,
            UUID exchangeId,
            String partnerId,
            ShareState state,
            String viewDigest,
            String policyVersion,
            int approvers,
            String ruleId,
            String reason,
            String trace,
            Instant receivedAt) {}

    /**
     * What an officer's action led to: the share's state, approvals counted for the current view out of
     * those required, and on refusal the stable code.
     */
    public record Result(ShareState state, int approvals, int required, ErrorCode error, String message) {
        static Result error(ErrorCode code, String message) {
            return new Result(null, 0, 0, code, message);
        }
    }
}
