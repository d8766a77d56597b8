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
 * @param endpoint where an HTTP transport posts; null for a file drop
 * @param transport online over HTTP, or files in folders
 * @param labels the label policy its shares are labelled under; null for a recipient that takes no labels
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
        Receipts receipts,
        Transport transport,
        PartnerLabels labels) {

    /** A recipient online over HTTP, taking no labels. */
    public Recipient(
            String id,
            Direction direction,
            PartnerFormat format,
            URI endpoint,
            Path certificate,
            Path trustAnchor,
            KeyTransport keyTransport,
            DeliverySettings delivery,
            Receipts receipts) {
        this(
                id,
                direction,
                format,
                endpoint,
                certificate,
                trustAnchor,
                keyTransport,
                delivery,
                receipts,
                Transport.http(),
                null);
    }
}
