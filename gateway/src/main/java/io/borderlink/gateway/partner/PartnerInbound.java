package io.borderlink.gateway.partner;

import jakarta.validation.Valid;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * That a partner sends to us, and on what terms. A partner without this section is refused when it
 * tries. Liaison offices deliver over SOAP to /services/liaison, the customs network posts to
 * /partners/v1/enforcement-messages; both are told apart by their certificates. A partner with
 * {@code poll} publishes a feed the gateway fetches instead, and is never accepted as a sender.
 *
 * @param maxAge how old a message may be when it arrives. Partners retry with the same message, so this
 *     is longer than for agencies; a message id seen before is a duplicate however old it is.
 * @param poll the feed to fetch, for a partner that does not deliver to us
 */
public record PartnerInbound(@DefaultValue("24h") Duration maxAge, @Valid NoticePoll poll) {

    public boolean polled() {
        return poll != null;
    }
}
