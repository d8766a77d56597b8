package io.borderlink.gateway.delivery;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.gateway.partner.Recipient;
import java.util.UUID;

/**
 * A share this node has claimed for one delivery attempt.
 *
 * @param shareId also the message id the partner sees, the same on every attempt
 * @param attempt the number of this attempt, from 1
 * @param recipient the partner, or agency, the share goes to
 * @param view the view to translate and send
 * @param viewDigest the digest the decision recorded for that view
 */
public record ShareDelivery(
        UUID shareId, UUID exchangeId, Recipient recipient, int attempt, Exchange view, String viewDigest) {}
