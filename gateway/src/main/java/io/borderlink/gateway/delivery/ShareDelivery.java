package io.borderlink.gateway.delivery;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.gateway.partner.Recipient;
import java.security.cert.X509Certificate;
import java.util.UUID;

/**
 * A share this node has claimed for one delivery attempt.
 *
 * @param shareId also the message id the partner sees, the same on every attempt
 * @param attempt the number of this attempt, from 1
 * @param recipient the partner, or agency, the share goes to
 * @param certificate the certificate the recipient's file registers, as the configuration in force read it (checked
 *     with the rest of it, renewed in place once a reload applied the renewal): what the message is encrypted to,
 *     and the only one its receipt may be signed with
 * @param view the view to translate and send
 * @param viewDigest the digest the decision recorded for that view
 */
public record ShareDelivery(
        UUID shareId,
        UUID exchangeId,
        Recipient recipient,
        X509Certificate certificate,
        int attempt,
        Exchange view,
        String viewDigest) {}
