package io.borderlink.gateway.approval;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.gateway.exchange.EvidenceKind;
import io.borderlink.gateway.exchange.EvidenceStore;
import io.borderlink.gateway.partner.Partner;
import io.borderlink.gateway.partner.PartnerDirectory;
import io.borderlink.gateway.partner.Partners;
import io.borderlink.gateway.policy.OfficerNarrative;
import io.borderlink.gateway.policy.PolicyEngine;
import io.borderlink.gateway.policy.PolicyEngine.Mode;
import io.borderlink.gateway.policy.ShareDecision;
import io.borderlink.gateway.share.Share;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The decision the policy in force now gives a held share, on the original as received: an approval
 * counts only for what would be sent today. The rate limit is checked but not counted again. An
 * officer's narrative text stays part of the view: it is read back from the share's current partner view.
 */
@Component
class CurrentPolicy {

    private final Partners partners;
    private final PolicyEngine engine;
    private final EvidenceStore evidence;

    CurrentPolicy(Partners partners, PolicyEngine engine, EvidenceStore evidence) {
        this.partners = partners;
        this.engine = engine;
        this.evidence = evidence;
    }

    ShareDecision decide(Share share, Exchange original) {
        return decide(share, original, editOf(share));
    }

    /** The decision with this officer's text in place of the narrative (null: whatever the share has now). */
    ShareDecision decide(Share share, Exchange original, OfficerNarrative edit) {
        PartnerDirectory directory = partners.current();
        Optional<Partner> partner = directory.find(share.recipientId());
        if (partner.isEmpty()) {
            return ShareDecision.deny(
                    share.recipientId(), "partner-known", "no partner " + share.recipientId() + " is configured");
        }
        boolean named = original.header().addressees().contains(share.recipientId());
        return engine.decide(original, directory.policyTarget(partner.get()), named, Mode.CHECK_RATE, edit);
    }

    /** The officer's text the share's current partner view carries, or null when nobody edited it. */
    private OfficerNarrative editOf(Share share) {
        if (share.narrativeEditedBy() == null) {
            return null;
        }
        byte[] view = evidence.find(share.exchangeId(), EvidenceKind.PARTNER_VIEW, share.recipientId())
                .orElseThrow(() -> new GatewayException(
                        ErrorCode.INTERNAL_ERROR, "partner view of " + share.shareId() + " is missing"));
        return new OfficerNarrative(
                share.narrativeEditedBy(),
                ExchangeXml.read(SecureXml.parse(view)).body().narrative());
    }
}
