package io.borderlink.gateway.dryrun;

import io.borderlink.contracts.api.DryRunRequest;
import io.borderlink.contracts.api.DryRunResult;
import io.borderlink.contracts.api.DryRunResult.DryRunDecision;
import io.borderlink.contracts.api.DryRunResult.LeakHit;
import io.borderlink.contracts.api.DryRunResult.NarrativeDecision;
import io.borderlink.contracts.api.DryRunResult.TraceEntry;
import io.borderlink.contracts.api.InboundDryRunRequest;
import io.borderlink.contracts.api.InboundDryRunResult;
import io.borderlink.contracts.api.InboundDryRunResult.AgencyDecision;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.Digests;
import io.borderlink.gateway.agency.Agencies;
import io.borderlink.gateway.agency.Agency;
import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditStep;
import io.borderlink.gateway.audit.AuditTrail;
import io.borderlink.gateway.delivery.PartnerMessages;
import io.borderlink.gateway.inbound.InboundDecisions;
import io.borderlink.gateway.outbound.OutboundDecisions;
import io.borderlink.gateway.partner.Partner;
import io.borderlink.gateway.partner.Partners;
import io.borderlink.gateway.policy.NarrativeOutcome;
import io.borderlink.gateway.policy.PolicyEngine.Mode;
import io.borderlink.gateway.policy.ShareDecision;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;

/**
 * A dry run: the route and policy steps on a plaintext exchange, with each partner view rendered in the
 * partner's format; or, inbound, the agencies' decisions on an exchange as a partner would send it. Nothing is
 * stored or sent and no rate limit is counted; the request is audited.
 */
@Component("policyDryRun")
public class PolicyDryRun {

    private final OutboundDecisions router;
    private final InboundDecisions inbound;
    private final Partners partners;
    private final PartnerMessages messages;
    private final Agencies agencies;
    private final AuditTrail audit;

    PolicyDryRun(
            OutboundDecisions router,
            InboundDecisions inbound,
            Partners partners,
            PartnerMessages messages,
            Agencies agencies,
            AuditTrail audit) {
        this.router = router;
        this.inbound = inbound;
        this.partners = partners;
        this.messages = messages;
        this.agencies = agencies;
        this.audit = audit;
    }

    /**
     * The decisions for the named partners (all of them when none is named). An agency dry-runs its own documents:
     * how the policy treats another agency's exchanges is not its to see (an officer's dry run may be of any).
     */
    public DryRunResult evaluate(DryRunRequest request) {
        Exchange exchange = read(request.exchange());
        String originator = exchange.header().originator();
        callingAgency(request.client())
                .filter(agency -> !agency.id().equals(originator))
                .ifPresent(agency -> {
                    throw new GatewayException(
                            ErrorCode.ORIGINATOR_MISMATCH,
                            agency.id() + " may dry-run its own exchanges only; this one's originator is "
                                    + originator);
                });
        List<DryRunDecision> decisions = router.decisions(exchange, request.partners(), Mode.CHECK_RATE).stream()
                .map(decision -> describe(exchange, decision))
                .toList();
        audit(exchange, request.exchange(), request.client(), null);
        return new DryRunResult(exchange.header().exchangeId(), decisions);
    }

    /**
     * Which agencies would receive the exchange from the partner, each with its trace; nothing is stored. An agency
     * sees its own decision only: another agency's ceilings and what it receives are not its to see (an officer
     * sees every agency's, or those named).
     */
    public InboundDryRunResult evaluateInbound(InboundDryRunRequest request) {
        Exchange exchange = read(request.exchange());
        List<String> named = request.agencies();
        Optional<Agency> caller = callingAgency(request.client());
        if (caller.isPresent()) {
            String own = caller.get().id();
            if (named.stream().anyMatch(agency -> !agency.equals(own))) {
                throw new GatewayException(
                        ErrorCode.ACCESS_DENIED, own + " may dry-run the inbound policy for itself only");
            }
            named = List.of(own);
        }
        List<AgencyDecision> decisions = inbound.decisions(exchange, request.from(), named).stream()
                .map(d -> new AgencyDecision(
                        d.partnerId(), d.decision().name(), d.ruleId(), d.reason(), d.policyVersion(), trace(d)))
                .toList();
        audit(exchange, request.exchange(), request.client(), "inbound from " + request.from());
        return new InboundDryRunResult(exchange.header().exchangeId(), request.from(), decisions);
    }

    /** The agency whose certificate made the request; empty for an officer. */
    private Optional<Agency> callingAgency(X509Certificate client) {
        return Optional.ofNullable(client).flatMap(agencies.current()::byCertificate);
    }

    private static Exchange read(byte[] plaintext) {
        Document document = SecureXml.parse(plaintext);
        ExchangeXml.validate(document);
        return ExchangeXml.read(document);
    }

    /**
     * The error path of both dry runs (route configuration DRY_RUN): what was refused (not XML, a DTD, outside
     * the schema) is audited with its code, who asked and the digest of what they sent, on no exchange's
     * timeline, since the id it claims proves nothing.
     */
    public void refused(
            @Body Object request, @ExchangeProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT) Exception cause) {
        X509Certificate client;
        byte[] plaintext;
        if (request instanceof DryRunRequest outbound) {
            client = outbound.client();
            plaintext = outbound.exchange();
        } else if (request instanceof InboundDryRunRequest inbound) {
            client = inbound.client();
            plaintext = inbound.exchange();
        } else {
            return;
        }
        ErrorCode code = cause instanceof GatewayException g ? g.code() : ErrorCode.INTERNAL_ERROR;
        audit.record(actor(AuditEvent.rejected(AuditStep.DRY_RUN, null, code, cause.getMessage()), client)
                .digest(plaintext == null ? null : Digests.sha256(plaintext)));
    }

    private void audit(Exchange exchange, byte[] plaintext, X509Certificate client, String detail) {
        audit.record(actor(AuditEvent.ok(AuditStep.DRY_RUN, exchange.header().exchangeId()), client)
                .digest(Digests.sha256(plaintext))
                .detail(detail));
    }

    private AuditEvent actor(AuditEvent event, X509Certificate client) {
        if (client == null) {
            return event;
        }
        String actor = agencies.current()
                .byCertificate(client)
                .map(Agency::id)
                .orElse(client.getSubjectX500Principal().getName());
        return event.actor(actor, Certificates.fingerprint(client));
    }

    private static List<TraceEntry> trace(ShareDecision decision) {
        return decision.trace().stream()
                .map(o -> new TraceEntry(o.rule(), o.verdict().name(), o.detail()))
                .toList();
    }

    private DryRunDecision describe(Exchange exchange, ShareDecision decision) {
        Partner partner = partners.current().find(decision.partnerId()).orElse(null);
        String view = decision.viewBytes() == null ? null : new String(decision.viewBytes(), StandardCharsets.UTF_8);
        String rendered = view == null || partner == null ? null : render(exchange, decision, partner);
        return new DryRunDecision(
                decision.partnerId(),
                decision.decision().name(),
                decision.ruleId(),
                decision.reason(),
                decision.approvers(),
                decision.policyVersion(),
                trace(decision),
                decision.viewDigest(),
                view,
                partner == null ? null : partner.format().id(),
                rendered,
                narrative(decision.narrative()));
    }

    private static NarrativeDecision narrative(NarrativeOutcome outcome) {
        return outcome == null
                ? null
                : new NarrativeDecision(
                        outcome.rule().name(),
                        outcome.source().name(),
                        outcome.tearlineId(),
                        outcome.hits().stream()
                                .map(hit -> new LeakHit(hit.kind().name(), hit.rule()))
                                .toList());
    }

    /** Rendered with a message id derived from the exchange, so that the same dry run renders the same. */
    private String render(Exchange exchange, ShareDecision decision, Partner partner) {
        UUID messageId = UUID.nameUUIDFromBytes(
                (exchange.header().exchangeId() + "/" + partner.id()).getBytes(StandardCharsets.UTF_8));
        try {
            return messages.render(decision.view(), partner.recipient(), messageId)
                    .text();
        } catch (GatewayException e) {
            return "cannot be rendered in " + partner.format().id() + ": " + e.getMessage();
        }
    }
}
