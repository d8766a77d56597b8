package io.borderlink.adapters.format;

import io.borderlink.contracts.exchange.Exchange;
import java.util.UUID;
import javax.xml.namespace.QName;
import org.w3c.dom.Document;

/**
 * How a partner's message in a format it pushes to us is read: the root element it must have, the
 * message id that names it before it is decrypted, and its translation to the canonical exchange once
 * decrypted and verified.
 */
public interface Intake {

    QName root();

    /** The id the sender gave the message, from what stays readable; a retry carries the same one. */
    String messageId(Document message);

    /** The decrypted, verified message as the canonical exchange, its originator the sender. */
    Exchange translate(Document message, String senderId, UUID exchangeId);
}
