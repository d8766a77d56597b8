package io.borderlink.gateway.inbound;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.crypto.Digests;
import io.borderlink.gateway.agency.Agencies;
import io.borderlink.gateway.agency.Agency;
import io.borderlink.gateway.agency.AgencyDirectory;
import io.borderlink.gateway.agency.InboundPolicy;
import io.borderlink.gateway.policy.ShareDecision;
import io.borderlink.gateway.submission.DecidedExchange;
import io.borderlink.gateway.submission.VerifiedExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The inbound policy in force: for an exchange a partner sent, a decision for every agency that receives anything
 * (InboundPolicy), so the audit trail says who did not get an exchange and why, as well as who did.
 */
@Component("inboundDecisions")
public class InboundDecisions {

    private final Agencies agencies;

    InboundDecisions(Agencies agencies) {
        this.agencies = agencies;
    }

    public DecidedExchange decide(VerifiedExchange verified) {
        return new DecidedExchange(verified, decisions(verified.exchange(), verified.sender(), List.of()));
    }

    /**
     * @param only decide for these agencies instead (a dry run naming them); every agency that receives anything
     *     when empty
     */
    public List<ShareDecision> decisions(Exchange exchange, String partnerId, List<String> only) {
        byte[] bytes = ExchangeXml.write(exchange);
        String digest = Digests.sha256(bytes);
        AgencyDirectory inForce = agencies.current();
        List<String> ids = !only.isEmpty()
                ? only.stream().distinct().toList()
                : inForce.all().stream()
                        .filter(a -> a.inbound() != null)
                        .map(Agency::id)
                        .toList();
        List<ShareDecision> decisions = new ArrayList<>();
        for (String id : ids) {
            Optional<Agency> agency = inForce.find(id).filter(a -> a.inbound() != null);
            decisions.add(
                    agency.isEmpty()
                            ? ShareDecision.deny(
                                    id, "agency-known", "no agency " + id + " receives partner intelligence")
                            : InboundPolicy.decide(
                                    agency.get(), partnerId, exchange, bytes, digest, inForce.version()));
        }
        return decisions;
    }
}
