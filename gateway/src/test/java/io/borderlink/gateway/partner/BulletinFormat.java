package io.borderlink.gateway.partner;

import static io.borderlink.contracts.xml.Dom.append;
import static io.borderlink.contracts.xml.Dom.appendText;

import io.borderlink.adapters.format.HttpEnvelope;
import io.borderlink.adapters.format.Intake;
import io.borderlink.adapters.format.PartnerFormat;
import io.borderlink.adapters.format.Protection;
import io.borderlink.adapters.format.ReceiptFormat;
import io.borderlink.adapters.format.Rendered;
import io.borderlink.adapters.format.XmlReceipt;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.xml.SecureXml;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.xml.namespace.QName;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A format the product does not have, for FormatAddedByRegistrationIT: a one-paragraph bulletin whose
 * header names the message and whose text is encrypted, posted with a media type and a header of its own.
 */
class BulletinFormat implements PartnerFormat {

    static final String ID = "BULLETIN_XML";
    static final String NAMESPACE = "urn:borderlink:test:bulletin:1";
    static final String CONTENT_TYPE = "application/vnd.borderlink-test.bulletin+xml";

    private static final HttpEnvelope HTTP =
            new HttpEnvelope(CONTENT_TYPE, Map.of("X-Bulletin-Version", "1"), UnaryOperator.identity());

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Audience audience() {
        return Audience.PARTNER;
    }

    @Override
    public Rendered render(Exchange view, UUID messageId, String recipientId, Instant created) {
        Document document = SecureXml.newDocument();
        Element bulletin = document.createElementNS(NAMESPACE, "Bulletin");
        document.appendChild(bulletin);
        Element header = append(bulletin, "Header");
        appendText(header, "MessageId", messageId.toString());
        appendText(header, "CorrelationId", view.header().correlationId().toString());
        appendText(header, "To", recipientId);
        appendText(header, "Category", view.header().category().name());
        appendText(bulletin, "Text", view.body().narrative().text());
        return Rendered.xml(document);
    }

    @Override
    public Protection protection() {
        return Protection.xmlElement(new QName(NAMESPACE, "Text"));
    }

    @Override
    public String mediaType() {
        return "application/xml";
    }

    @Override
    public HttpEnvelope httpEnvelope() {
        return HTTP;
    }

    @Override
    public Optional<Intake> intake() {
        return Optional.empty();
    }

    /** The desk answers with a signed Receipt of the bulletin's own namespace. */
    @Override
    public Optional<ReceiptFormat> receipt() {
        return Optional.of(XmlReceipt.whole(new QName(NAMESPACE, "Receipt")));
    }
}
