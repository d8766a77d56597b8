package io.borderlink.gateway.outbound;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.gateway.partner.Partner;
import io.borderlink.gateway.partner.PartnerDirectory;
import io.borderlink.gateway.partner.Partners;
import io.borderlink.gateway.policy.PolicyEngine;
import io.borderlink.gateway.policy.PolicyEngine.Mode;
import io.borderlink.gateway.policy.ShareDecision;
import io.borderlink.gateway.submission.DecidedExchange;
import io.borderlink.gateway.submission.VerifiedExchange;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The route and policy steps: which partners are candidates, then the policy engine's decision for
 * each. Candidates are the addressees or, when there are none, every partner subscribed to the category.
 */
@Component("outboundDecisions")
public class OutboundDecisions {

    private final Partners partners;
    private final PolicyEngine engine;

    OutboundDecisions(Partners partners, PolicyEngine engine) {
        this.partners = partners;
        this.engine = engine;
    }

    public DecidedExchange decide(VerifiedExchange verified) {
        return new DecidedExchange(verified, decisions(verified.exchange(), List.of(), Mode.COUNT_RATE));
    }

    /**
     * One decision per candidate partner, all under the same policy snapshot.
     *
     * @param only when not empty, decide for these partners instead of the candidates (a dry run asks)
     */
    public List<ShareDecision> decisions(Exchange exchange, List<String> only, Mode mode) {
        PartnerDirectory directory = partners.current();
        List<String> addressees = exchange.header().addressees();
        List<String> ids = !only.isEmpty() ? only : candidates(exchange, directory);
        return ids.stream()
                .distinct()
                .map(id -> decide(exchange, directory, directory.find(id), id, addressees.contains(id), mode))
                .toList();
    }

    private static List<String> candidates(Exchange exchange, PartnerDirectory directory) {
        if (!exchange.header().addressees().isEmpty()) {
            return exchange.header().addressees();
        }
        return directory.all().stream()
                .filter(p -> p.subscribesTo(exchange.header().category()))
                .map(Partner::id)
                .toList();
    }

    private ShareDecision decide(
            Exchange exchange,
            PartnerDirectory directory,
            Optional<Partner> partner,
            String id,
            boolean named,
            Mode mode) {
        if (partner.isEmpty()) {
            return ShareDecision.deny(id, "partner-known", "no partner " + id + " is configured");
        }
        return engine.decide(exchange, directory.policyTarget(partner.get()), named, mode);
    }
}
