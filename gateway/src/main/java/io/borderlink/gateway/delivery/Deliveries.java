package io.borderlink.gateway.delivery;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.Digests;
import io.borderlink.gateway.agency.Agency;
import io.borderlink.gateway.agency.AgencyDirectory;
import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditEvent.Outcome;
import io.borderlink.gateway.audit.AuditStep;
import io.borderlink.gateway.audit.AuditTrail;
import io.borderlink.gateway.cluster.NodeIdentity;
import io.borderlink.gateway.exchange.EvidenceKind;
import io.borderlink.gateway.exchange.EvidenceStore;
import io.borderlink.gateway.exchange.ShareState;
import io.borderlink.gateway.partner.DeliverySettings;
import io.borderlink.gateway.partner.Direction;
import io.borderlink.gateway.partner.Partner;
import io.borderlink.gateway.partner.Partners;
import io.borderlink.gateway.partner.Recipient;
import io.borderlink.gateway.pki.GatewayKeys;
import io.borderlink.routes.outbox.OutboxRoutes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable outbox: which shares are due, which node delivers each, and what became of every attempt.
 * A node claims a share with a time-limited lease in one conditional update, so two nodes never send the
 * same share at once, and a crashed node's shares are taken over when its lease runs out.
 */
@Component("deliveries")
public class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    private static final String GATEWAY = "gateway";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EvidenceStore evidence;
    private final AuditTrail audit;
    private final Partners partners;
    private final AgencyDirectory agencies;
    private final OutboxSettings settings;
    private final Circuits circuits;
    private final String node;
    private final String signingCertificate;
    private final Clock clock;
    private final InFlight inFlight = new InFlight();

    Deliveries(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            EvidenceStore evidence,
            AuditTrail audit,
            Partners partners,
            AgencyDirectory agencies,
            OutboxSettings settings,
            Circuits circuits,
            NodeIdentity node,
            GatewayKeys keys,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.evidence = evidence;
        this.audit = audit;
        this.partners = partners;
        this.agencies = agencies;
        this.settings = settings;
        this.circuits = circuits;
        this.node = node.id();
        this.signingCertificate = Certificates.fingerprint(keys.signing().certificate());
        this.clock = clock;
    }

    /** Shares whose next attempt is due and that no live node holds, oldest first. */
    public List<UUID> due() {
        OffsetDateTime now = now();
        return jdbc.sql(
                        """
                        SELECT id FROM share
                        WHERE state = 'PENDING' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)
                        ORDER BY next_attempt_at
                        LIMIT ?""")
                .params(now, now, settings.batchSize())
                .query(UUID.class)
                .list();
    }

    /**
     * Takes the share for one attempt, or answers null when it is not due, another node has it, this node
     * is stopping, or the recipient's circuit is open (then the share is put back without an attempt).
     */
    public ShareDelivery claim(UUID shareId) {
        if (!inFlight.enter(shareId)) {
            return null;
        }
        ShareDelivery share = null;
        try {
            share = claimLeased(shareId);
            return share;
        } finally {
            if (share == null) {
                inFlight.leave(shareId);
            }
        }
    }

    private ShareDelivery claimLeased(UUID shareId) {
        OffsetDateTime now = now();
        int claimed = jdbc.sql(
                        """
                        UPDATE share SET lease_owner = ?, lease_until = ?, updated_at = ?
                        WHERE id = ? AND state = 'PENDING' AND next_attempt_at <= ?
                          AND (lease_until IS NULL OR lease_until < ?)""")
                .params(node, now.plus(settings.lease()), now, shareId, now, now)
                .update();
        if (claimed == 0) {
            return null;
        }
        Claimed row = jdbc.sql(
                        """
                        SELECT s.exchange_id, s.partner_id, e.direction, s.attempts, s.view_digest
                        FROM share s JOIN exchange e ON e.id = s.exchange_id WHERE s.id = ?""")
                .param(shareId)
                .query((rs, n) -> new Claimed(
                        shareId,
                        rs.getObject("exchange_id", UUID.class),
                        rs.getString("partner_id"),
                        Direction.valueOf(rs.getString("direction")),
                        rs.getInt("attempts") + 1,
                        rs.getString("view_digest")))
                .single();
        Optional<Recipient> recipient = recipient(row);
        if (recipient.isEmpty()) {
            // Nothing can be sent without the recipient's configuration: no retry helps.
            record(
                    row,
                    false,
                    null,
                    new GatewayException(
                            ErrorCode.INTERNAL_ERROR, row.recipientId() + " is no longer configured to receive"));
            return null;
        }
        Optional<Duration> refusal = circuits.refusal(recipient.get());
        if (refusal.isPresent()) {
            putBack(row, refusal.get());
            return null;
        }
        try {
            return load(row, recipient.get());
        } catch (GatewayException e) {
            // Nothing can be sent without the partner view: no retry helps.
            circuits.failed(recipient.get(), e);
            record(row, false, null, e);
            return null;
        }
    }

    /** Gives a share back untried, for when its recipient's circuit is open. */
    private void putBack(Claimed share, Duration delay) {
        Instant next = clock.instant().plus(delay);
        jdbc.sql(
                        """
                        UPDATE share SET next_attempt_at = ?, lease_owner = NULL, lease_until = NULL, updated_at = ?
                        WHERE id = ? AND lease_owner = ?""")
                .params(utc(next), now(), share.shareId(), node)
                .update();
        log.debug("circuit to {} is open: share {} waits until {}", share.recipientId(), share.shareId(), next);
    }

    /**
     * Stops claiming, waits up to {@code drainTimeout} for the deliveries under way, then gives up the
     * leases of whatever is left, so that another node takes those shares over at once rather than
     * after the lease.
     */
    public void drain() {
        boolean finished = inFlight.close(settings.drainTimeout());
        int released = jdbc.sql(
                        """
                        UPDATE share SET lease_owner = NULL, lease_until = NULL, updated_at = ?
                        WHERE lease_owner = ? AND state = 'PENDING'""")
                .params(now(), node)
                .update();
        log.info(
                "outbox drained on {}: {}, {} lease(s) released",
                node,
                finished ? "deliveries under way finished" : "gave up waiting for deliveries under way",
                released);
    }

    /** Records an accepted delivery and keeps what the partner was sent as evidence. */
    public void delivered(SentMessage sent) {
        ShareDelivery share = sent.message().share();
        try {
            circuits.succeeded(share.recipient());
            recordDelivered(sent, share);
        } finally {
            inFlight.leave(share.shareId());
        }
    }

    private void recordDelivered(SentMessage sent, ShareDelivery share) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            int updated = jdbc.sql(
                            """
                            UPDATE share SET state = 'DELIVERED', attempts = ?, delivered_at = ?, lease_owner = NULL,
                                             lease_until = NULL, last_error_code = NULL, last_error = NULL, updated_at = ?
                            WHERE id = ? AND lease_owner = ?""")
                    .params(share.attempt(), utc(now), utc(now), share.shareId(), node)
                    .update();
            if (updated == 0) {
                log.warn("share {} was delivered after this node's lease had been taken over", share.shareId());
            }
            evidence.store(
                    share.exchangeId(),
                    EvidenceKind.SENT,
                    share.recipient().id(),
                    sent.message().digest(),
                    sent.message().bytes(),
                    mediaType(share.recipient()),
                    now);
            evidence.store(
                    share.exchangeId(),
                    EvidenceKind.SENT_SIGNED,
                    share.recipient().id(),
                    sent.message().signedDigest(),
                    sent.message().signed(),
                    mediaType(share.recipient()),
                    now);
            String receipt = Digests.sha256(sent.answer());
            evidence.store(
                    share.exchangeId(),
                    EvidenceKind.RECEIPT,
                    share.recipient().id(),
                    receipt,
                    sent.answer(),
                    withoutParameters(sent.answerType()),
                    now);
            Recipient recipient = share.recipient();
            audit.record(List.of(
                    step(
                                    AuditStep.TRANSLATE,
                                    share,
                                    "view translated to " + recipient.format().id())
                            .digest(share.viewDigest()),
                    step(
                                    AuditStep.PROTECT,
                                    share,
                                    "signed, encrypted to " + recipient.id() + " with " + recipient.keyTransport())
                            .actor(GATEWAY, signingCertificate)
                            .digest(sent.message().digest()),
                    step(
                                    AuditStep.DELIVER,
                                    share,
                                    "attempt " + share.attempt() + ", " + recipient.id() + " answered " + sent.status()
                                            + ", receipt " + receipt)
                            .actor(GATEWAY, signingCertificate)
                            .digest(sent.message().digest())));
        });
    }

    /**
     * Records a failed attempt: retried with exponential backoff and jitter while the partner is only
     * unavailable and attempts remain, otherwise dead-lettered for an administrator.
     */
    public void failed(
            @ExchangeProperty(OutboxRoutes.SHARE) ShareDelivery share,
            @ExchangeProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT) Exception cause) {
        if (share == null) {
            // The claim itself failed (the database, most likely): the share stays due for the next sweep.
            log.warn("could not claim a share: {}", cause.toString());
            return;
        }
        GatewayException failure = cause instanceof GatewayException g
                ? g
                : new GatewayException(ErrorCode.INTERNAL_ERROR, String.valueOf(cause.getMessage()), cause);
        try {
            circuits.failed(share.recipient(), failure);
            recordFailed(share, failure);
        } finally {
            inFlight.leave(share.shareId());
        }
    }

    private void recordFailed(ShareDelivery share, GatewayException failure) {
        DeliverySettings delivery = share.recipient().delivery();
        boolean retry = failure.code() == ErrorCode.PARTNER_UNAVAILABLE && share.attempt() < delivery.maxAttempts();
        Instant next = clock.instant()
                .plus(delivery.backoffAfter(
                        share.attempt(), ThreadLocalRandom.current().nextDouble()));
        Recipient recipient = share.recipient();
        Claimed claimed = new Claimed(
                share.shareId(),
                share.exchangeId(),
                recipient.id(),
                recipient.direction(),
                share.attempt(),
                share.viewDigest());
        record(claimed, retry, retry ? next : null, failure);
    }

    private void record(Claimed share, boolean retry, Instant next, GatewayException failure) {
        Instant now = clock.instant();
        String code = failure.code().name();
        transactions.executeWithoutResult(status -> {
            jdbc.sql(
                            """
                            UPDATE share SET state = ?, attempts = ?, next_attempt_at = ?, last_error_code = ?,
                                             last_error = ?, lease_owner = NULL, lease_until = NULL, updated_at = ?
                            WHERE id = ? AND lease_owner = ?""")
                    .params(
                            retry ? ShareState.PENDING.name() : ShareState.DEAD_LETTER.name(),
                            share.attempt(),
                            next == null ? null : utc(next),
                            code,
                            truncate(failure.getMessage()),
                            utc(now),
                            share.shareId(),
                            node)
                    .update();
            String detail = "attempt " + share.attempt() + ": " + failure.getMessage()
                    + (retry ? "; next attempt at " + next : "");
            audit.record(event(share, retry ? Outcome.RETRY : Outcome.FAILED, code, detail));
            if (!retry) {
                audit.record(new AuditEvent(
                        AuditStep.DEAD_LETTER,
                        Outcome.FAILED,
                        share.exchangeId(),
                        share.recipientId(),
                        code,
                        GATEWAY,
                        null,
                        null,
                        "waiting for an administrator"));
            }
        });
        log.info(
                "delivery of share {} to {} failed with {} (attempt {}), {}",
                share.shareId(),
                share.recipientId(),
                code,
                share.attempt(),
                retry ? "will retry at " + next : "dead-lettered");
    }

    private ShareDelivery load(Claimed share, Recipient recipient) {
        byte[] view = evidence.find(share.exchangeId(), EvidenceKind.PARTNER_VIEW, share.recipientId())
                .orElseThrow(() -> new GatewayException(
                        ErrorCode.INTERNAL_ERROR, "partner view of share " + share.shareId() + " is missing"));
        Exchange partnerView = ExchangeXml.read(SecureXml.parse(view));
        return new ShareDelivery(
                share.shareId(), share.exchangeId(), recipient, share.attempt(), partnerView, share.viewDigest());
    }

    /** Outbound shares go to a partner; inbound ones to an agency's inbound endpoint. */
    private Optional<Recipient> recipient(Claimed share) {
        return share.direction() == Direction.OUTBOUND
                ? partners.current().find(share.recipientId()).map(Partner::recipient)
                : agencies.find(share.recipientId()).flatMap(Agency::recipient);
    }

    private AuditEvent event(Claimed share, Outcome outcome, String code, String detail) {
        return new AuditEvent(
                AuditStep.DELIVER,
                outcome,
                share.exchangeId(),
                share.recipientId(),
                code,
                GATEWAY,
                signingCertificate,
                null,
                detail);
    }

    private static AuditEvent step(AuditStep step, ShareDelivery share, String detail) {
        return new AuditEvent(
                step, Outcome.OK, share.exchangeId(), share.recipient().id(), null, GATEWAY, null, null, detail);
    }

    /**
     * A share this node holds the lease of, before (or without) its view being loaded.
     *
     * @param recipientId a partner outbound, an agency inbound (share.partner_id; the column predates inbound)
     */
    private record Claimed(
            UUID shareId, UUID exchangeId, String recipientId, Direction direction, int attempt, String viewDigest) {}

    private static String mediaType(Recipient recipient) {
        return recipient.format().mediaType();
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** "text/xml; charset=utf-8" → "text/xml": the evidence column holds the bare media type. */
    private static String withoutParameters(String contentType) {
        String type = contentType.split(";", 2)[0].strip();
        return type.isEmpty() || type.length() > 64 ? "application/octet-stream" : type;
    }

    private static String truncate(String message) {
        return message == null || message.length() <= 1000 ? message : message.substring(0, 1000);
    }
}
