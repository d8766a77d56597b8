package io.borderlink.gateway.share;

import io.borderlink.gateway.partner.Direction;
import java.util.UUID;

/**
 * A share this node holds the delivery lease of: it is in flight, and only this node may record how the
 * attempt ended.
 *
 * @param recipientId a partner outbound, an agency inbound
 * @param attempt the number of this attempt, from 1
 */
public record Lease(
        UUID shareId, UUID exchangeId, String recipientId, Direction direction, int attempt, String viewDigest) {

    public ShareRef ref() {
        return new ShareRef(shareId, exchangeId, recipientId);
    }
}
