package io.borderlink.gateway.agency;

import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.HandlingCode;
import io.borderlink.contracts.exchange.Markings;
import io.borderlink.crypto.Digests;
import io.borderlink.gateway.policy.Decision;
import io.borderlink.gateway.policy.MarkingChecks;
import io.borderlink.gateway.policy.RuleOutcome;
import io.borderlink.gateway.policy.RuleOutcome.Verdict;
import io.borderlink.gateway.policy.ShareDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether one agency receives an exchange a partner sent: its {@code inbound.receives} rules take the partner and
 * category, the classification is within its ceiling, TLP:RED names it, and the handling code allows it. Every
 * rule is traced; the first denial decides. Agencies are national recipients of the partner's whole message:
 * nothing is redacted on the way in, so there is no view but the exchange itself, and nothing is held.
 */
public final class InboundPolicy {

    public static final String RECEIVES = "inbound-receives";
    public static final String HANDLING = "handling-code";

    private InboundPolicy() {}

    /** The decision, with the exchange's canonical bytes written here. */
    public static ShareDecision decide(Agency agency, String partnerId, Exchange exchange, String version) {
        byte[] bytes = ExchangeXml.write(exchange);
        return decide(agency, partnerId, exchange, bytes, Digests.sha256(bytes), version);
    }

    /**
     * @param bytes the exchange's canonical bytes, written once for every agency
     * @param version the agency files' version, which the decision records
     */
    public static ShareDecision decide(
            Agency agency, String partnerId, Exchange exchange, byte[] bytes, String digest, String version) {
        AgencyInbound inbound = agency.inbound();
        Markings markings = exchange.markings();
        List<String> addressees = exchange.header().addressees();
        List<RuleOutcome> trace = new ArrayList<>();
        String receivedBy =
                receives(inbound, agency.id(), partnerId, exchange.header().category(), trace);
        trace.add(MarkingChecks.classificationCeiling(markings.classification(), inbound.classificationCeiling()));
        trace.add(MarkingChecks.tlpRedNamed(markings.tlp(), agency.id(), addressees.contains(agency.id())));
        trace.add(handling(inbound, agency.id(), markings, addressees));
        Optional<RuleOutcome> denial =
                trace.stream().filter(o -> o.verdict() == Verdict.DENY).findFirst();
        if (denial.isPresent()) {
            return new ShareDecision(
                    agency.id(),
                    Decision.DENY,
                    denial.get().rule(),
                    denial.get().detail(),
                    0,
                    version,
                    null,
                    null,
                    null,
                    trace,
                    null);
        }
        return new ShareDecision(
                agency.id(), Decision.RELEASE, receivedBy, null, 0, version, exchange, bytes, digest, trace, null);
    }

    /** Traces the receives rule that takes the exchange, and returns its id ({@code inbound-receives[i]}). */
    private static String receives(
            AgencyInbound inbound, String agencyId, String partnerId, Category category, List<RuleOutcome> trace) {
        Optional<AgencyInbound.Receives> rule = inbound.rule(partnerId, category);
        if (rule.isEmpty()) {
            trace.add(new RuleOutcome(
                    RECEIVES, Verdict.DENY, agencyId + " receives no " + category + " from " + partnerId));
            return RECEIVES;
        }
        String ruleId = RECEIVES + "[" + inbound.receives().indexOf(rule.get()) + "]";
        trace.add(new RuleOutcome(ruleId, Verdict.PASS, category + " from " + partnerId + " goes to " + agencyId));
        return ruleId;
    }

    /**
     * H2 (no onward sharing without permission) and H3 (conditions in free text, which no machine can check to be
     * weaker) never go beyond the addressees an exchange names; when it names none, the partner shared it with the
     * country and the agencies' rules decide. An agency's file may deny a code outright.
     */
    private static RuleOutcome handling(
            AgencyInbound inbound, String agencyId, Markings markings, List<String> addressees) {
        HandlingCode code = markings.handlingCode();
        String conditions = markings.handlingConditions() == null ? "" : " (" + markings.handlingConditions() + ")";
        if (inbound.handlingOf(code) == Decision.DENY) {
            return new RuleOutcome(HANDLING, Verdict.DENY, code + " → DENY for " + agencyId + conditions);
        }
        boolean restricted = (code == HandlingCode.H2 || code == HandlingCode.H3) && !addressees.isEmpty();
        if (restricted && !addressees.contains(agencyId)) {
            return new RuleOutcome(
                    HANDLING,
                    Verdict.DENY,
                    code + " allows no sharing beyond the named addressees " + addressees + conditions);
        }
        return new RuleOutcome(
                HANDLING,
                Verdict.PASS,
                code + " → RELEASE" + (restricted ? ", " + agencyId + " is a named addressee" : "") + conditions);
    }
}
