package io.borderlink.gateway.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.Narrative;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.gateway.delivery.PartnerMessages;
import io.borderlink.gateway.exchange.EvidenceKind;
import io.borderlink.gateway.exchange.EvidenceStore;
import io.borderlink.gateway.partner.Partner;
import io.borderlink.gateway.partner.Partners;
import io.borderlink.gateway.policy.Policy.NarrativeRule;
import io.borderlink.gateway.policy.RuleOutcome;
import io.borderlink.gateway.security.Caller;
import io.borderlink.gateway.security.ContentVisibility;
import io.borderlink.gateway.security.ContentVisibility.Sight;
import io.borderlink.gateway.security.ContentVisibility.View;
import io.borderlink.gateway.share.Share;
import io.borderlink.gateway.share.Shares;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The approval queue, read-only: held shares as tasks for liaison officers, and everything an officer needs
 * to decide one. {@link ApprovalDecisions} takes the decisions.
 */
@Component
public class ApprovalQueue {

    private final JdbcClient jdbc;
    private final Shares shares;
    private final ApprovalRecords records;
    private final EvidenceStore evidence;
    private final Partners partners;
    private final PartnerMessages messages;
    private final ApprovalSettings settings;
    private final ObjectMapper json;
    private final Clock clock;

    ApprovalQueue(
            JdbcClient jdbc,
            Shares shares,
            ApprovalRecords records,
            EvidenceStore evidence,
            Partners partners,
            PartnerMessages messages,
            ApprovalSettings settings,
            ObjectMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.shares = shares;
        this.records = records;
        this.evidence = evidence;
        this.partners = partners;
        this.messages = messages;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** Held shares, oldest first, narrowed by whatever filters are given. */
    public List<QueueItem> queue(QueueFilter filter) {
        StringBuilder sql = new StringBuilder(
                """
                SELECT s.id, s.exchange_id, s.recipient_id, s.rule_id, s.approvers, s.view_digest, e.originator,
                       e.category, e.classification, e.received_at,
                       (SELECT count(*) FROM approval a WHERE a.share_id = s.id AND a.view_digest = s.view_digest
                          AND a.verdict = 'APPROVE') AS approvals
                FROM share s JOIN exchange e ON e.id = s.exchange_id
                WHERE s.state = 'HELD'""");
        List<Object> params = new ArrayList<>();
        if (filter.partner() != null) {
            sql.append(" AND s.recipient_id = ?");
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
        sql.append(" ORDER BY e.received_at, s.recipient_id");
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, row) -> new QueueItem(
                        rs.getObject("id", UUID.class),
                        rs.getObject("exchange_id", UUID.class),
                        rs.getString("recipient_id"),
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

    /**
     * Everything an officer needs to decide: the partner view as the partner gets it, the diff, the trace. What
     * of it the viewer sees is {@link ContentVisibility}'s to say: the source's identity and the internal notes
     * never, and an administrator only the metadata.
     */
    public ApprovalTask task(UUID shareId, Caller viewer) {
        Share share = shares.find(shareId)
                .orElseThrow(() -> new GatewayException(ErrorCode.NOT_FOUND, "no share " + shareId));
        Exchange original = evidence.signedOriginal(share.exchangeId());
        Optional<Partner> partner = partners.current().find(share.recipientId());
        Sight sight = ContentVisibility.sight(viewer, View.APPROVAL_TASK);
        List<ApprovalTask.Decided> decisions = records.decisions(shareId, share.viewDigest());
        if (sight == Sight.METADATA) {
            return task(
                    share,
                    original,
                    partner,
                    Sight.METADATA,
                    new Content(null, null, List.of(), narrativeMetadata(share, partner)),
                    decisions.stream().map(ApprovalTask.Decided::withoutReason).toList());
        }
        byte[] view = evidence.find(share.exchangeId(), EvidenceKind.PARTNER_VIEW, share.recipientId())
                .orElseThrow(() ->
                        new GatewayException(ErrorCode.INTERNAL_ERROR, "partner view of " + shareId + " is missing"));
        Exchange partnerView = ExchangeXml.read(SecureXml.parse(view));
        Content content = new Content(
                new String(view, StandardCharsets.UTF_8),
                partner.map(p -> rendered(partnerView, p, shareId)).orElse(null),
                ViewDiff.between(ExchangeXml.write(ContentVisibility.forPeople(original)), view),
                narrative(share, original, partnerView, partner));
        return task(share, original, partner, Sight.CONTENT, content, decisions);
    }

    /** Held shares of exchanges received before the deadline. */
    List<UUID> overdue(Instant deadline) {
        return jdbc.sql(
                        """
                        SELECT s.id FROM share s JOIN exchange e ON e.id = s.exchange_id
                        WHERE s.state = 'HELD' AND e.received_at < ?""")
                .param(utc(deadline))
                .query(UUID.class)
                .list();
    }

    private ApprovalTask task(
            Share share,
            Exchange original,
            Optional<Partner> partner,
            Sight sight,
            Content content,
            List<ApprovalTask.Decided> decisions) {
        return new ApprovalTask(
                share.shareId(),
                share.exchangeId(),
                share.recipientId(),
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
                content.view(),
                content.rendered(),
                content.diff(),
                trace(share.trace()),
                content.narrative(),
                decisions,
                sight);
    }

    private static ApprovalTask.NarrativeReview narrative(
            Share share, Exchange original, Exchange partnerView, Optional<Partner> partner) {
        NarrativeRule rule = partner.map(p -> p.policy().narrative()).orElse(null);
        Narrative outgoing = partnerView.body().narrative();
        Narrative written = original.body().narrative();
        return new ApprovalTask.NarrativeReview(
                rule == null ? null : rule.name(),
                outgoing == null ? null : outgoing.text(),
                written == null ? null : written.text(),
                share.narrativeEditedBy(),
                rule != null && rule != NarrativeRule.DROP);
    }

    /** The narrative's rule and who edited it, without its texts. */
    private static ApprovalTask.NarrativeReview narrativeMetadata(Share share, Optional<Partner> partner) {
        String rule = partner.map(p -> p.policy().narrative()).map(Enum::name).orElse(null);
        return new ApprovalTask.NarrativeReview(rule, null, null, share.narrativeEditedBy(), false);
    }

    private String rendered(Exchange partnerView, Partner partner, UUID shareId) {
        try {
            return messages.render(partnerView, partner.recipient(), shareId).readable();
        } catch (GatewayException e) {
            return "cannot be rendered in " + partner.format().id() + ": " + e.getMessage();
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

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** What of a task is the exchange's content, as the viewer may see it. */
    private record Content(
            String view, String rendered, List<ViewDiff.Row> diff, ApprovalTask.NarrativeReview narrative) {}
}
