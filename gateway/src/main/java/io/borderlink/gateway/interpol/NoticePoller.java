package io.borderlink.gateway.interpol;

import io.borderlink.adapters.format.Countries;
import io.borderlink.adapters.interpol.NoticeListItem;
import io.borderlink.adapters.interpol.NoticeListPage;
import io.borderlink.adapters.interpol.NoticeListParser;
import io.borderlink.adapters.interpol.NoticeMapper;
import io.borderlink.adapters.interpol.NoticeQuery;
import io.borderlink.adapters.interpol.NoticeQueryPlan;
import io.borderlink.adapters.interpol.NoticeType;
import io.borderlink.adapters.interpol.NoticeVersion;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.crypto.Digests;
import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditEvent.Outcome;
import io.borderlink.gateway.audit.AuditStep;
import io.borderlink.gateway.audit.AuditTrail;
import io.borderlink.gateway.exchange.EvidenceKind;
import io.borderlink.gateway.exchange.EvidenceStore;
import io.borderlink.gateway.logging.LogContext;
import io.borderlink.gateway.partner.Direction;
import io.borderlink.gateway.partner.NoticePoll;
import io.borderlink.gateway.partner.Partner;
import io.borderlink.gateway.partner.Partners;
import io.borderlink.gateway.submission.VerifiedExchange;
import io.borderlink.routes.interpol.InterpolPollRoutes;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The fetch and map steps of the inbound flow for a partner whose notices the gateway polls (docs/partner-formats.md, INTERPOL).
 *
 * <p>A sweep of one list runs the whole list as one query and splits every query over the cap with
 * {@link NoticeQueryPlan}, pages through each, de-duplicates on {@code entity_id}, then fetches every
 * listed detail, since the list carries no version. A detail whose digest the ledger already holds is
 * skipped; a new or changed one becomes an exchange (a change is linked to the earlier versions by
 * the notice's correlation id).
 *
 * <p>A notice the ledger holds as published that a complete listing no longer shows is withdrawn: the
 * agencies that got it receive a withdrawal exchange ({@link NoticeMapper#toWithdrawal}). Only a
 * complete listing counts: every page read, nothing over the cap left out, every item with an id, and at
 * least one notice listed (an empty list is more likely a fault than INTERPOL withdrawing everything). A
 * withdrawn notice that comes back unchanged is delivered again ({@link NoticeMapper#toRepublication}).
 *
 * <p>Every problem is audited ({@link AuditStep#POLL}) with a stable code and the sweep goes on:
 * {@code PARTNER_UNAVAILABLE}, {@code PARTNER_REJECTED}, {@code MESSAGE_TOO_LARGE} for fetches,
 * {@code SCHEMA_INVALID} for what cannot be read or mapped, {@value #INCOMPLETE} for a listing that left
 * notices out. Each sweep ends with one {@code POLL/OK} event that counts what it found.
 */
@Component("noticePoller")
public class NoticePoller {

    static final String ACTOR = "notice-poller";
    static final String CHANNEL = "POLL";
    static final String INCOMPLETE = ErrorCode.FEED_INCOMPLETE.name();

    private static final Logger log = LoggerFactory.getLogger(NoticePoller.class);

    private final NoticeListParser parser = new NoticeListParser();
    private final NoticeMapper mapper = new NoticeMapper();
    /** When each partner was last swept; in memory, so a new leader sweeps at once. */
    private final Map<String, Instant> lastSweeps = new ConcurrentHashMap<>();

    private final Partners partners;
    private final NoticeFeed feed;
    private final NoticeLedger ledger;
    private final EvidenceStore evidence;
    private final AuditTrail audit;
    private final Clock clock;

    NoticePoller(
            Partners partners,
            NoticeFeed feed,
            NoticeLedger ledger,
            EvidenceStore evidence,
            AuditTrail audit,
            Clock clock) {
        this.partners = partners;
        this.feed = feed;
        this.ledger = ledger;
        this.evidence = evidence;
        this.audit = audit;
        this.clock = clock;
    }

    /** The notices to deliver from every polled partner whose interval has passed. */
    public List<PolledNotice> poll() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<PolledNotice> found = new ArrayList<>();
        for (Partner partner : partners.current().all()) {
            if (partner.inbound() == null || !partner.inbound().polled()) {
                continue;
            }
            NoticePoll poll = partner.inbound().poll();
            Instant last = lastSweeps.get(partner.id());
            if (last == null || !now.isBefore(last.plus(poll.interval()))) {
                lastSweeps.put(partner.id(), now);
                LogContext.partner(partner.id());
                for (NoticeType type : poll.noticeTypes()) {
                    found.addAll(sweep(partner.id(), poll, type, now));
                }
            }
        }
        return found;
    }

    /** The verify step for a feed that signs nothing: the exchange must be valid; original and signed are the JSON. */
    public VerifiedExchange verified(PolledNotice notice) {
        LogContext.partner(notice.partnerId());
        LogContext.exchange(notice.exchange().header().exchangeId());
        ExchangeXml.validate(ExchangeXml.toDocument(notice.exchange()));
        String digest = Digests.sha256(notice.document());
        return new VerifiedExchange(
                notice.exchange(),
                notice.document(),
                digest,
                notice.document(),
                digest,
                "application/json",
                null,
                null,
                notice.partnerId(),
                Direction.INBOUND,
                CHANNEL,
                notice.receivedAt());
    }

    /** Remembers the version accepted, after the exchange store took it: a failure before leaves it for the next sweep. */
    public void accepted(PolledNotice notice) {
        ledger.record(notice, clock.instant());
    }

    /** The poll error policy: whatever went wrong is audited, the notice's exchange id named when there is one. */
    public void failed(
            @ExchangeProperty(InterpolPollRoutes.POLLED) PolledNotice notice,
            @ExchangeProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT) Exception cause) {
        ErrorCode code = cause instanceof GatewayException g ? g.code() : ErrorCode.INTERNAL_ERROR;
        if (code == ErrorCode.INTERNAL_ERROR) {
            log.error("polling failed unexpectedly", cause);
        }
        if (notice == null) {
            problem(null, null, code, cause.getMessage());
        } else {
            problem(notice.partnerId(), notice.exchange().header().exchangeId(), code, cause.getMessage());
        }
    }

    /** One sweep of one list: what to deliver, with every problem and the summary audited. */
    List<PolledNotice> sweep(String partnerId, NoticePoll poll, NoticeType type, Instant now) {
        Listing listing = list(partnerId, poll, type);
        List<PolledNotice> found = new ArrayList<>();
        for (NoticeListItem item : listing.items.values()) {
            detail(partnerId, poll, type, item, now).ifPresent(found::add);
        }
        int fresh = found.size();
        if (listing.complete && !listing.items.isEmpty()) {
            found.addAll(withdrawals(partnerId, type, listing, now));
        }
        String detail = type.code() + ": " + listing.items.size() + " listed, " + fresh + " new or changed, "
                + (found.size() - fresh) + " withdrawn; listing " + (listing.complete ? "complete" : "incomplete");
        audit.record(AuditEvent.of(AuditStep.POLL, Outcome.OK)
                .partner(partnerId)
                .actor(ACTOR, null)
                .detail(detail));
        return found;
    }

    /** Every notice the list shows, across the split queries, once each. */
    private Listing list(String partnerId, NoticePoll poll, NoticeType type) {
        NoticeQueryPlan plan = new NoticeQueryPlan(
                poll.queryCap(),
                NoticeQueryPlan.MIN_AGE,
                NoticeQueryPlan.MAX_AGE,
                NoticeQueryPlan.MAX_NAME_LENGTH,
                Countries.alpha2Codes());
        Listing listing = new Listing();
        Deque<NoticeQuery> queries = new ArrayDeque<>(List.of(NoticeQuery.all(type, poll.pageSize())));
        while (!queries.isEmpty()) {
            NoticeQuery query = queries.removeFirst();
            Optional<Integer> total = pages(partnerId, poll, query, listing);
            if (total.isEmpty()) {
                listing.complete = false;
                continue;
            }
            NoticeQueryPlan.Refinement refinement = plan.refine(query, total.get());
            queries.addAll(refinement.subQueries());
            if (refinement.unreachable() > 0) {
                listing.complete = false;
                problem(
                        partnerId,
                        null,
                        INCOMPLETE,
                        query.pathAndQuery(1) + ": " + refinement.unreachable()
                                + " notices over the cap that no narrower query reaches");
            }
        }
        return listing;
    }

    /**
     * Pages through one query, never past the cap; the {@code total} it reports, or empty when a page
     * could not be read (what earlier pages listed is kept).
     */
    private Optional<Integer> pages(String partnerId, NoticePoll poll, NoticeQuery query, Listing listing) {
        int maxPages = (poll.queryCap() + poll.pageSize() - 1) / poll.pageSize();
        int page = 1;
        Integer total = null;
        for (int read = 0; read < maxPages; read++) {
            String path = query.pathAndQuery(page);
            NoticeListPage listed;
            try {
                listed = parser.parse(feed.get(poll, path));
            } catch (GatewayException e) {
                problem(partnerId, null, e.code(), e.getMessage() + " (" + path + ")");
                return Optional.empty();
            }
            total = total == null ? listed.total() : total;
            listed.notices().forEach(item -> listing.items.putIfAbsent(item.entityId(), item));
            if (listed.skipped() > 0) {
                listing.complete = false;
                problem(partnerId, null, INCOMPLETE, path + ": " + listed.skipped() + " listed notices without an id");
            }
            if (listed.nextPage().isEmpty()) {
                break;
            }
            page = listed.nextPage().getAsInt();
        }
        return Optional.of(total);
    }

    /** The detail of one listed notice, when the agencies have not had this version yet. */
    private Optional<PolledNotice> detail(
            String partnerId, NoticePoll poll, NoticeType type, NoticeListItem item, Instant now) {
        try {
            String path = type.detailPath(item.urlId());
            byte[] json = feed.get(poll, path);
            NoticeVersion version = mapper.version(type, json);
            if (!version.entityId().equals(item.entityId())) {
                throw new GatewayException(
                        ErrorCode.SCHEMA_INVALID, path + " answered with notice " + version.entityId());
            }
            Optional<NoticeLedger.Known> known = ledger.find(type, version.entityId());
            boolean sameVersion = known.isPresent() && known.get().digest().equals(version.digest());
            if (sameVersion && known.get().state() == NoticeState.PUBLISHED) {
                return Optional.empty();
            }
            // The agencies were told this very version was withdrawn: tell them it is back.
            Exchange exchange = sameVersion
                    ? mapper.toRepublication(type, json, now, known.get().exchangeId())
                    : mapper.toExchange(type, json, now);
            return Optional.of(new PolledNotice(partnerId, type, version, NoticeState.PUBLISHED, exchange, json, now));
        } catch (GatewayException e) {
            problem(partnerId, null, e.code(), type.code() + " " + item.entityId() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private List<PolledNotice> withdrawals(String partnerId, NoticeType type, Listing listing, Instant now) {
        List<PolledNotice> withdrawn = new ArrayList<>();
        for (NoticeLedger.Known known : ledger.published(type)) {
            if (listing.items.containsKey(known.entityId())) {
                continue;
            }
            Optional<byte[]> last = evidence.original(known.exchangeId(), EvidenceKind.PROTECTED_ORIGINAL);
            if (last.isEmpty()) {
                problem(partnerId, known.exchangeId(), ErrorCode.NOT_FOUND.name(), "no evidence of the last version");
                continue;
            }
            withdrawn.add(new PolledNotice(
                    partnerId,
                    type,
                    mapper.version(type, last.get()),
                    NoticeState.WITHDRAWN,
                    mapper.toWithdrawal(type, last.get(), now),
                    last.get(),
                    now));
        }
        return withdrawn;
    }

    private void problem(String partnerId, UUID exchangeId, ErrorCode code, String detail) {
        problem(partnerId, exchangeId, code.name(), detail);
    }

    private void problem(String partnerId, UUID exchangeId, String code, String detail) {
        log.warn("polling {}: {} {}", partnerId, code, detail);
        audit.record(AuditEvent.of(AuditStep.POLL, Outcome.FAILED)
                .about(exchangeId, partnerId)
                .code(code)
                .actor(ACTOR, null)
                .detail(detail));
    }

    /** What one sweep of one list found. */
    private static final class Listing {
        private final Map<String, NoticeListItem> items = new LinkedHashMap<>();
        private boolean complete = true;
    }
}
