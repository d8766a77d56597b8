package io.borderlink.gateway.inbound;

import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.crypto.Digests;
import io.borderlink.gateway.agency.Agency;
import io.borderlink.gateway.agency.AgencyDirectory;
import io.borderlink.gateway.agency.AgencyInbound;
import io.borderlink.gateway.policy.Decision;
import io.borderlink.gateway.policy.RuleOutcome;
import io.borderlink.gateway.policy.RuleOutcome.Verdict;
import io.borderlink.gateway.policy.ShareDecision;
import io.borderlink.gateway.submission.DecidedExchange;
import io.borderlink.gateway.submission.VerifiedExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The inbound policy: which agencies receive an exchange a partner sent, from the {@code inbound.receives}
 * rules in the agencies' own files. Every agency that receives anything gets a decision, so the audit
 * trail says who did not get an exchange and why, as well as who did. Agencies are national recipients
 * of the partner's whole message: nothing is redacted on the way in.
 */
@Component("inboundDecisions")
public class InboundDecisions {

    static final String RULE = "inbound-receives";

    private final AgencyDirectory agencies;

    InboundDecisions(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    public DecidedExchange decide(VerifiedExchange verified) {
        Exchange exchange = verified.exchange();
        byte[] bytes = ExchangeXml.write(exchange);
        String digest = Digests.sha256(bytes);
        List<ShareDecision> decisions = new ArrayList<>();
        for (Agency agency : agencies.all()) {
            if (agency.inbound() != null) {
                decisions.add(decide(agency, verified.sender(), exchange, bytes, digest));
            }
        }
        return new DecidedExchange(verified, decisions);
    }

    private ShareDecision decide(Agency agency, String partnerId, Exchange exchange, byte[] bytes, String digest) {
        Category category = exchange.header().category();
        List<AgencyInbound.Receives> rules = agency.inbound().receives();
        Optional<AgencyInbound.Receives> rule = agency.inbound().rule(partnerId, category);
        if (rule.isEmpty()) {
            String reason = agency.id() + " receives no " + category + " from " + partnerId;
            return new ShareDecision(
                    agency.id(),
                    Decision.DENY,
                    RULE,
                    reason,
                    0,
                    agencies.version(),
                    null,
                    null,
                    null,
                    List.of(new RuleOutcome(RULE, Verdict.DENY, reason)),
                    null);
        }
        String ruleId = RULE + "[" + rules.indexOf(rule.get()) + "]";
        String detail = category + " from " + partnerId + " goes to " + agency.id();
        return new ShareDecision(
                agency.id(),
                Decision.RELEASE,
                ruleId,
                null,
                0,
                agencies.version(),
                exchange,
                bytes,
                digest,
                List.of(new RuleOutcome(ruleId, Verdict.PASS, detail)),
                null);
    }
}
