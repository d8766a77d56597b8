package io.borderlink.adapters.format;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Exchange;
import java.util.UUID;
import javax.xml.namespace.QName;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The intake of an XML format whose readable header carries a {@code MessageId} in the root's namespace,
 * as the liaison and WCO messages do.
 */
public record HeaderIntake(QName root, Translation translation) implements Intake {

    /** The format's reader: a decrypted message from a sender, as the canonical exchange of that id. */
    @FunctionalInterface
    public interface Translation {
        Exchange translate(Document message, String senderId, UUID exchangeId);
    }

    @Override
    public String messageId(Document message) {
        NodeList ids = message.getElementsByTagNameNS(root.getNamespaceURI(), "MessageId");
        if (ids.getLength() == 0 || ids.item(0).getTextContent().isBlank()) {
            throw new GatewayException(ErrorCode.SCHEMA_INVALID, "the message has no MessageId");
        }
        return ids.item(0).getTextContent().trim();
    }

    @Override
    public Exchange translate(Document message, String senderId, UUID exchangeId) {
        return translation.translate(message, senderId, exchangeId);
    }
}
