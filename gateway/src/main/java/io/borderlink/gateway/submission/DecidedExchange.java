package io.borderlink.gateway.submission;

import io.borderlink.gateway.policy.ShareDecision;
import java.util.List;

/** A verified exchange with one decision per candidate partner, ready to be stored. */
public record DecidedExchange(VerifiedExchange verified, List<ShareDecision> decisions) {

    public DecidedExchange {
        decisions = List.copyOf(decisions);
    }
}
