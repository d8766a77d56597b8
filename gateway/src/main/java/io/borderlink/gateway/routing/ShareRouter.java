package io.borderlink.gateway.routing;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.gateway.crypto.Digests;
import io.borderlink.gateway.intake.VerifiedExchange;
import io.borderlink.gateway.partner.Partner;
import io.borderlink.gateway.partner.PartnerDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The route and policy steps: which partners are candidates, and what each may receive. Candidates are
 * the addressees or, when there are none, every partner that accepts the category. This is the seam
 * where the per-partner policy engine plugs in; until then a known partner that accepts the category
 * gets the baseline foreign view, and anything else is denied with the rule that failed.
 */
@Component("shareRouter")
public class ShareRouter {

    static final String POLICY_VERSION = "baseline-1";

    private final PartnerDirectory partners;

    ShareRouter(PartnerDirectory partners) {
        this.partners = partners;
    }

    public DecidedExchange decide(VerifiedExchange verified) {
        Exchange exchange = verified.exchange();
        List<ShareDecision> decisions = new ArrayList<>();
        for (String partnerId : candidates(exchange)) {
            decisions.add(decide(exchange, partnerId));
        }
        return new DecidedExchange(verified, decisions);
    }

    private List<String> candidates(Exchange exchange) {
        List<String> addressees = exchange.header().addressees();
        if (!addressees.isEmpty()) {
            return addressees.stream().distinct().toList();
        }
        return partners.all().stream()
                .filter(p -> p.accepts(exchange.header().category()))
                .map(Partner::id)
                .toList();
    }

    private ShareDecision decide(Exchange exchange, String partnerId) {
        Optional<Partner> partner = partners.find(partnerId);
        if (partner.isEmpty()) {
            return ShareDecision.deny(
                    partnerId, "partner-known", "no partner " + partnerId + " is configured", POLICY_VERSION);
        }
        if (!partner.get().accepts(exchange.header().category())) {
            return ShareDecision.deny(
                    partnerId,
                    "category-accepted",
                    partnerId + " does not accept " + exchange.header().category(),
                    POLICY_VERSION);
        }
        Exchange view = foreignView(exchange);
        byte[] bytes = ExchangeXml.write(view);
        return new ShareDecision(
                partnerId, Decision.RELEASE, "released", null, POLICY_VERSION, view, bytes, Digests.sha256(bytes));
    }

    /** Source details never leave the country and internal notes never leave the originating agency. */
    static Exchange foreignView(Exchange exchange) {
        return exchange.withBody(exchange.body().withoutSourceDetails().withoutInternalNotes());
    }
}
