package io.borderlink.gateway.exchange;

import io.borderlink.contracts.api.Receipt;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Header;
import io.borderlink.crypto.Certificates;
import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditStep;
import io.borderlink.gateway.audit.AuditTrail;
import io.borderlink.gateway.commit.GroupCommit;
import io.borderlink.gateway.policy.Decision;
import io.borderlink.gateway.policy.ShareDecision;
import io.borderlink.gateway.share.Lease;
import io.borderlink.gateway.share.Shares;
import io.borderlink.gateway.submission.DecidedExchange;
import io.borderlink.gateway.submission.RejectedSubmissionException;
import io.borderlink.gateway.submission.VerifiedExchange;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The persist step: an exchange, its evidence, one share per decision (opened by {@link Shares}) and their
 * audit events are committed in one transaction before the agency gets its receipt (under load, one shared
 * with the exchanges arriving at the same moment: {@link GroupCommit}). The exchange id is the primary key,
 * so the database, not a cache, decides what is a duplicate.
 */
@Component("exchangeStore")
public class ExchangeStore {

    static final String ACCEPTED = "ACCEPTED";

    private final JdbcClient jdbc;
    private final GroupCommit commits;
    private final EvidenceStore evidence;
    private final AuditTrail audit;
    private final Shares shares;

    ExchangeStore(JdbcClient jdbc, GroupCommit commits, EvidenceStore evidence, AuditTrail audit, Shares shares) {
        this.jdbc = jdbc;
        this.commits = commits;
        this.evidence = evidence;
        this.audit = audit;
        this.shares = shares;
    }

    /**
     * Stores the exchange, or recognises a resubmission: the same exchange id with the same signed
     * content gets its original receipt again; the same id with other content is a replay and refused.
     */
    public Acceptance accept(DecidedExchange decided) {
        VerifiedExchange verified = decided.verified();
        Optional<Acceptance> earlier = resubmission(verified);
        if (earlier.isPresent()) {
            audit.record(AuditEvent.ok(
                            AuditStep.RECEIVE, verified.exchange().header().exchangeId())
                    .actor(verified.sender(), fingerprint(verified.signer()))
                    .digest(verified.originalDigest())
                    .code("DUPLICATE")
                    .detail("resubmission answered with the original receipt"));
            return earlier.get();
        }
        try {
            return commits.execute(() -> insert(decided));
        } catch (DuplicateKeyException e) {
            // Two copies raced past the lookup; the database let exactly one in.
            return resubmission(verified).orElseThrow(() -> e);
        }
    }

    private Acceptance insert(DecidedExchange decided) {
        VerifiedExchange verified = decided.verified();
        Header header = verified.exchange().header();
        UUID id = header.exchangeId();
        jdbc.sql(
                        """
                        INSERT INTO exchange (id, correlation_id, originator, category, classification, created_at,
                                              received_at, channel, signer_certificate, client_certificate, signed_digest,
                                              direction, purpose)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        header.correlationId(),
                        header.originator(),
                        header.category().name(),
                        verified.exchange().markings().classification().name(),
                        utc(header.createdAt()),
                        utc(verified.receivedAt()),
                        verified.channel(),
                        fingerprint(verified.signer()),
                        fingerprint(verified.client()),
                        verified.signedDigest(),
                        verified.direction().name(),
                        header.purpose().code())
                .update();
        // Kept in one batch below, with the partner views: one data key, one round of inserts.
        List<EvidenceStore.Kept> kept = new ArrayList<>();
        kept.add(new EvidenceStore.Kept(
                EvidenceKind.PROTECTED_ORIGINAL,
                null,
                verified.originalDigest(),
                verified.original(),
                verified.mediaType(),
                verified.receivedAt()));
        kept.add(new EvidenceStore.Kept(
                EvidenceKind.SIGNED_ORIGINAL,
                null,
                verified.signedDigest(),
                verified.signed(),
                verified.mediaType(),
                verified.receivedAt()));

        String actor = verified.sender();
        String signer = fingerprint(verified.signer());
        audit.record(AuditEvent.ok(AuditStep.RECEIVE, id).actor(actor, signer).digest(verified.originalDigest()));
        List<ReleasedShare> released = new ArrayList<>();
        List<Acceptance.Decided> decisions = new ArrayList<>();
        for (Shares.Opened share : shares.open(id, decided.decisions(), verified.receivedAt())) {
            ShareDecision decision = share.decision();
            decisions.add(new Acceptance.Decided(
                    decision.partnerId(), decision.decision().name()));
            if (decision.decision() != Decision.DENY) {
                kept.add(new EvidenceStore.Kept(
                        EvidenceKind.PARTNER_VIEW,
                        decision.partnerId(),
                        decision.viewDigest(),
                        decision.viewBytes(),
                        "application/xml",
                        verified.receivedAt()));
            }
            if (share.leasedUntil() != null) {
                Lease lease = new Lease(
                        share.shareId(), id, decision.partnerId(), verified.direction(), 1, decision.viewDigest());
                released.add(new ReleasedShare(lease, share.leasedUntil(), decision.view()));
            }
        }
        evidence.storeFirst(id, kept);
        audit.record(AuditEvent.ok(AuditStep.ACCEPT, id).actor(actor, signer).digest(verified.signedDigest()));
        decisions.sort(Comparator.comparing(Acceptance.Decided::recipient));
        return new Acceptance(new Receipt(id, ACCEPTED, verified.receivedAt(), false), decisions, released);
    }

    private Optional<Acceptance> resubmission(VerifiedExchange verified) {
        UUID id = verified.exchange().header().exchangeId();
        return jdbc.sql("SELECT originator, signed_digest, received_at FROM exchange WHERE id = ?")
                .param(id)
                .query((rs, row) -> {
                    boolean same = rs.getString("originator").equals(verified.sender())
                            && rs.getString("signed_digest").equals(verified.signedDigest());
                    if (!same) {
                        throw new RejectedSubmissionException(
                                new GatewayException(
                                        ErrorCode.EXCHANGE_REPLAYED,
                                        "exchange id " + id + " was already used for other content"),
                                id,
                                verified.originalDigest());
                    }
                    return rs.getObject("received_at", OffsetDateTime.class).toInstant();
                })
                .optional()
                .map(receivedAt ->
                        new Acceptance(new Receipt(id, ACCEPTED, receivedAt, true), decisions(id), List.of()));
    }

    /** The decisions the first submission's receipt stated. */
    private List<Acceptance.Decided> decisions(UUID id) {
        return jdbc.sql("SELECT recipient_id, decision FROM share WHERE exchange_id = ? ORDER BY recipient_id")
                .param(id)
                .query((rs, row) -> new Acceptance.Decided(rs.getString("recipient_id"), rs.getString("decision")))
                .list();
    }

    /** Polled feeds arrive unsigned and are fetched, not delivered: no certificate to name. */
    private static String fingerprint(X509Certificate certificate) {
        return certificate == null ? null : Certificates.fingerprint(certificate);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
