package io.borderlink.gateway.approval;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.gateway.partner.Partner;
import io.borderlink.gateway.partner.PartnerDirectory;
import io.borderlink.gateway.partner.Partners;
import io.borderlink.gateway.policy.PolicyEngine;
import io.borderlink.gateway.policy.PolicyEngine.Mode;
import io.borderlink.gateway.policy.ShareDecision;
import io.borderlink.gateway.share.Share;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The decision the policy in force now gives a held share, on the original as received: an approval
 * counts only for what would be sent today. The rate limit is checked but not counted again.
 */
@Component
public class CurrentPolicy {

    private final Partners partners;
    private final PolicyEngine engine;

    CurrentPolicy(Partners partners, PolicyEngine engine) {
        this.partners = partners;
        this.engine = engine;
    }

    public ShareDecision decide(Share share, Exchange original) {
        PartnerDirectory directory = partners.current();
        Optional<Partner> partner = directory.find(share.recipientId());
        if (partner.isEmpty()) {
            return ShareDecision.deny(
                    share.recipientId(), "partner-known", "no partner " + share.recipientId() + " is configured");
        }
        boolean named = original.header().addressees().contains(share.recipientId());
        return engine.decide(original, directory.policyTarget(partner.get()), named, Mode.CHECK_RATE);
    }
}
