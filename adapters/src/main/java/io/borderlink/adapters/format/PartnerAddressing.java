package io.borderlink.adapters.format;

import static io.borderlink.contracts.xml.Dom.token;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import org.w3c.dom.Element;

/**
 * The addressing of a partner message's header ({@code From}, {@code To}), as every XML partner format has
 * it: the message must claim to come from the partner that sent it, and be addressed to the gateway.
 */
public final class PartnerAddressing {

    private PartnerAddressing() {}

    /** {@code gatewayId} is {@link GatewayIdentity#id()}: the {@code To} the message must carry. */
    public static void require(Element header, String senderPartnerId, String gatewayId) {
        String from = token(header, "From");
        if (!from.equals(senderPartnerId)) {
            throw new GatewayException(
                    ErrorCode.ORIGINATOR_MISMATCH,
                    "message claims to be from " + from + ", sent by " + senderPartnerId);
        }
        String to = token(header, "To");
        if (!to.equals(gatewayId)) {
            throw new GatewayException(ErrorCode.PROFILE_VIOLATION, "message is addressed to " + to);
        }
    }
}
