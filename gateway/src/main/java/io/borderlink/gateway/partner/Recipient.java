package io.borderlink.gateway.partner;

import io.borderlink.adapters.format.PartnerFormat;
import io.borderlink.crypto.KeyTransport;
import java.net.URI;
import java.nio.file.Path;

/**
 * Whoever a share is delivered to — a foreign partner, or an agency receiving partner intelligence — as
 * the delivery step needs it: where, in which format, encrypted to which certificate, trusting which
 * root for the TLS server, and how hard to try.
 *
 * @param direction which way shares to this recipient travel: to a partner outbound, to an agency inbound
 * @param receipts whether a delivery counts only with the recipient's signed receipt
 */
public record Recipient(
        String id,
        Direction direction,
        PartnerFormat format,
        URI endpoint,
        Path certificate,
        Path trustAnchor,
        KeyTransport keyTransport,
        DeliverySettings delivery,
        Receipts receipts) {}
