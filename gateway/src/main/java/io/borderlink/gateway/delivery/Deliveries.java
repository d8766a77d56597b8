package io.borderlink.gateway.delivery;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.Digests;
import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditEvent.Outcome;
import io.borderlink.gateway.audit.AuditStep;
import io.borderlink.gateway.audit.AuditTrail;
import io.borderlink.gateway.cluster.NodeIdentity;
import io.borderlink.gateway.commit.GroupCommit;
import io.borderlink.gateway.delivery.Addressees.Addressee;
import io.borderlink.gateway.exchange.EvidenceKind;
import io.borderlink.gateway.exchange.EvidenceStore;
import io.borderlink.gateway.exchange.EvidenceStore.Kept;
import io.borderlink.gateway.exchange.ReleasedShare;
import io.borderlink.gateway.logging.LogContext;
import io.borderlink.gateway.partner.DeliverySettings;
import io.borderlink.gateway.partner.Direction;
import io.borderlink.gateway.partner.Recipient;
import io.borderlink.gateway.pki.GatewayKeys;
import io.borderlink.gateway.share.Lease;
import io.borderlink.gateway.share.OutboxSettings;
import io.borderlink.gateway.share.ShareStateConflict;
import io.borderlink.gateway.share.Shares;
import io.borderlink.routes.outbox.OutboxRoutes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The durable outbox: which shares are due, which node delivers each, and what became of every attempt.
 * A node claims a share with a time-limited lease ({@link Shares#claim}: one conditional update), so two
 * nodes never send the same share at once, and a crashed node's shares are taken over when its lease runs
 * out. Every change of a share goes through {@link Shares}; this class decides which, and keeps what was
 * sent as evidence.
 */
@Component("deliveries")
public class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    private static final String GATEWAY = "gateway";

    private final Shares shares;
    private final GroupCommit commits;
    private final EvidenceStore evidence;
    private final AuditTrail audit;
    private final Addressees addressees;
    private final OutboxSettings settings;
    private final Circuits circuits;
    private final String node;
    private final String signingCertificate;
    private final Clock clock;
    private final InFlight inFlight = new InFlight();

    Deliveries(
            Shares shares,
            GroupCommit commits,
            EvidenceStore evidence,
            AuditTrail audit,
            Addressees addressees,
            OutboxSettings settings,
            Circuits circuits,
            NodeIdentity node,
            GatewayKeys keys,
            Clock clock) {
        this.shares = shares;
        this.commits = commits;
        this.evidence = evidence;
        this.audit = audit;
        this.addressees = addressees;
        this.settings = settings;
        this.circuits = circuits;
        this.node = node.id();
        this.signingCertificate = Certificates.fingerprint(keys.signing().certificate());
        this.clock = clock;
    }

    /** Shares whose next attempt is due and that no live node holds, oldest first. */
    public List<UUID> due() {
        return shares.due(settings.batchSize());
    }

    /**
     * Takes the share for one attempt, or answers null when it is not due, another node has it, this node
     * is stopping, or the recipient's circuit is open (then the share is put back without an attempt).
     */
    public ShareDelivery claim(UUID shareId) {
        return claim(shareId, null);
    }

    /** The same for a share just accepted on this node: opened leased to it, its view still in memory. */
    public ShareDelivery claim(ReleasedShare released) {
        return claim(released.lease().shareId(), released);
    }

    private ShareDelivery claim(UUID shareId, ReleasedShare released) {
        LogContext.share(shareId);
        if (!inFlight.enter(shareId)) {
            return null;
        }
        ShareDelivery share = null;
        try {
            Optional<Lease> lease = released == null ? shares.claim(shareId) : handedOff(released);
            share = lease.map(leased -> prepare(leased, released)).orElse(null);
            return share;
        } finally {
            if (share == null) {
                inFlight.leave(shareId);
            }
        }
    }

    /** The lease the share was opened with while half of it is left for the attempt, else renewed if still ours. */
    private Optional<Lease> handedOff(ReleasedShare released) {
        Duration left = Duration.between(clock.instant(), released.leasedUntil());
        boolean enough = left.compareTo(settings.lease().dividedBy(2)) >= 0;
        return enough || shares.renew(released.lease()) ? Optional.of(released.lease()) : Optional.empty();
    }

    /** Null when the share cannot be tried now: its recipient is gone, or its circuit is open. */
    private ShareDelivery prepare(Lease lease, ReleasedShare released) {
        // The recipient alone, the same whether the share came from the intake or from a sweep.
        boolean outbound = lease.direction() == Direction.OUTBOUND;
        LogContext.exchange(lease.exchangeId());
        LogContext.partner(outbound ? lease.recipientId() : null);
        LogContext.agency(outbound ? null : lease.recipientId());
        Optional<Addressee> to = addressees.of(lease);
        if (to.isEmpty()) {
            // Nothing can be sent without the recipient's configuration: no retry helps.
            record(
                    lease,
                    false,
                    null,
                    new GatewayException(
                            ErrorCode.INTERNAL_ERROR, lease.recipientId() + " is no longer configured to receive"));
            return null;
        }
        Recipient recipient = to.get().recipient();
        Optional<Duration> refusal = circuits.refusal(recipient);
        if (refusal.isPresent()) {
            Instant next = clock.instant().plus(refusal.get());
            shares.putBack(lease, next);
            log.debug("circuit to {} is open: share {} waits until {}", lease.recipientId(), lease.shareId(), next);
            return null;
        }
        try {
            return load(lease, to.get(), released);
        } catch (GatewayException e) {
            // Nothing can be sent without the partner view: no retry helps.
            circuits.failed(recipient, e);
            record(lease, false, null, e);
            return null;
        }
    }

    /**
     * Stops claiming, waits up to {@code drainTimeout} for the deliveries under way, then gives up the
     * leases of whatever is left, so that another node takes those shares over at once rather than
     * after the lease.
     */
    public void drain() {
        boolean finished = inFlight.close(settings.drainTimeout());
        int released = shares.handOver();
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
        String receipt = sent.handedOver() ? null : Digests.sha256(sent.answer());
        List<AuditEvent> attempt = deliveredEvents(sent, share, receipt);
        try {
            commits.run(() -> {
                if (sent.handedOver()) {
                    shares.dropOff(lease(share), attempt);
                } else {
                    shares.deliver(lease(share), attempt);
                }
                keepSent(sent, share, receipt, now);
            });
        } catch (ShareStateConflict e) {
            // The recipient has the message all the same: what it was sent stays on record; the share itself
            // belongs to the node that took the lease over.
            log.warn("share {} was delivered after this node's lease had been taken over", share.shareId());
            commits.run(() -> {
                keepSent(sent, share, receipt, now);
                audit.record(attempt);
            });
        }
    }

    private void keepSent(SentMessage sent, ShareDelivery share, String receipt, Instant now) {
        String to = share.recipient().id();
        List<Kept> kept = new ArrayList<>();
        kept.add(new Kept(
                EvidenceKind.SENT,
                to,
                sent.message().digest(),
                sent.message().bytes(),
                share.recipient().format().mediaType(),
                now));
        kept.add(new Kept(
                EvidenceKind.SENT_SIGNED,
                to,
                sent.message().signedDigest(),
                sent.message().signed(),
                share.recipient().format().mediaType(),
                now));
        if (!sent.handedOver()) {
            kept.add(new Kept(
                    EvidenceKind.RECEIPT, to, receipt, sent.answer(), withoutParameters(sent.answerType()), now));
        }
        if (sent.receipt() != null) {
            kept.add(new Kept(
                    EvidenceKind.PARTNER_RECEIPT,
                    to,
                    Digests.sha256(sent.receipt().signed()),
                    sent.receipt().signed(),
                    sent.receipt().mediaType(),
                    now));
        }
        evidence.store(share.exchangeId(), kept);
    }

    private List<AuditEvent> deliveredEvents(SentMessage sent, ShareDelivery share, String receipt) {
        Recipient recipient = share.recipient();
        return List.of(
                step(AuditStep.TRANSLATE, share)
                        .digest(share.viewDigest())
                        .detail("view translated to " + recipient.format().id()),
                step(AuditStep.PROTECT, share)
                        .actor(GATEWAY, signingCertificate)
                        .digest(sent.message().digest())
                        .detail("signed, encrypted to " + recipient.id() + " with " + recipient.keyTransport()),
                step(AuditStep.DELIVER, share)
                        .actor(GATEWAY, signingCertificate)
                        .digest(sent.message().digest())
                        .detail(
                                sent.handedOver()
                                        ? "attempt " + share.attempt() + ", handed over as " + sent.file()
                                                + " in the export folder of " + recipient.id()
                                        : "attempt " + share.attempt() + ", " + recipient.id() + " answered "
                                                + sent.status() + signedReceipt(sent) + ", receipt " + receipt));
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
        boolean retryable =
                failure.code() == ErrorCode.PARTNER_UNAVAILABLE || failure.code() == ErrorCode.RECEIPT_INVALID;
        boolean retry = retryable && share.attempt() < delivery.maxAttempts();
        Instant next = clock.instant()
                .plus(delivery.backoffAfter(
                        share.attempt(), ThreadLocalRandom.current().nextDouble()));
        record(lease(share), retry, retry ? next : null, failure);
    }

    private void record(Lease lease, boolean retry, Instant next, GatewayException failure) {
        String code = failure.code().name();
        String detail =
                "attempt " + lease.attempt() + ": " + failure.getMessage() + (retry ? "; next attempt at " + next : "");
        List<AuditEvent> events = new ArrayList<>();
        events.add(AuditEvent.of(AuditStep.DELIVER, retry ? Outcome.RETRY : Outcome.FAILED)
                .about(lease.exchangeId(), lease.recipientId())
                .code(code)
                .actor(GATEWAY, signingCertificate)
                .detail(detail));
        if (!retry) {
            events.add(AuditEvent.of(AuditStep.DEAD_LETTER, Outcome.FAILED)
                    .about(lease.exchangeId(), lease.recipientId())
                    .code(code)
                    .actor(GATEWAY, null)
                    .detail("waiting for an administrator"));
        }
        try {
            if (retry) {
                shares.retry(lease, failure, next, events);
            } else {
                shares.deadLetter(lease, failure, events);
            }
        } catch (ShareStateConflict e) {
            // As for a delivery: the attempt happened and stays on record; the share is the other node's.
            log.warn(
                    "attempt {} of share {} ended after this node's lease had been taken over",
                    lease.attempt(),
                    lease.shareId());
            audit.record(events);
        }
        log.info(
                "delivery of share {} to {} failed with {} (attempt {}), {}",
                lease.shareId(),
                lease.recipientId(),
                code,
                lease.attempt(),
                retry ? "will retry at " + next : "dead-lettered");
    }

    /** The share's view: the one handed over at acceptance, else the evidence. */
    private ShareDelivery load(Lease lease, Addressee to, ReleasedShare released) {
        Exchange partnerView =
                released != null ? released.view() : evidence.partnerView(lease.exchangeId(), lease.recipientId());
        return new ShareDelivery(
                lease.shareId(),
                lease.exchangeId(),
                to.recipient(),
                to.certificate(),
                lease.attempt(),
                partnerView,
                lease.viewDigest());
    }

    /** The lease this node took for the attempt. */
    private static Lease lease(ShareDelivery share) {
        Recipient recipient = share.recipient();
        return new Lease(
                share.shareId(),
                share.exchangeId(),
                recipient.id(),
                recipient.direction(),
                share.attempt(),
                share.viewDigest());
    }

    private static String signedReceipt(SentMessage sent) {
        return sent.receipt() == null
                ? ", no signed receipt (optional for this recipient)"
                : ", verified signed receipt " + Digests.sha256(sent.receipt().signed()) + " by "
                        + sent.receipt().signer().getSubjectX500Principal().getName() + " naming "
                        + sent.receipt().claims().receivedDigest();
    }

    private static AuditEvent step(AuditStep step, ShareDelivery share) {
        return AuditEvent.of(step, Outcome.OK)
                .about(share.exchangeId(), share.recipient().id())
                .actor(GATEWAY, null);
    }

    /** "text/xml; charset=utf-8" → "text/xml": the evidence column holds the bare media type. */
    private static String withoutParameters(String contentType) {
        String type = contentType.split(";", 2)[0].strip();
        return type.isEmpty() || type.length() > 64 ? "application/octet-stream" : type;
    }
}
