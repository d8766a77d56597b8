package io.borderlink.adapters.peer;

import io.borderlink.adapters.format.GatewayIdentity;
import io.borderlink.adapters.format.HttpEnvelope;
import io.borderlink.adapters.format.Intake;
import io.borderlink.adapters.format.LabelSlot;
import io.borderlink.adapters.format.PartnerFormat;
import io.borderlink.adapters.format.Protection;
import io.borderlink.adapters.format.ReceiptFormat;
import io.borderlink.adapters.format.Rendered;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.Header;
import io.borderlink.contracts.exchange.SourceRef;
import io.borderlink.contracts.xml.Dom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.xml.namespace.QName;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code EXCHANGE_XML}: the canonical exchange (contracts/xsd/exchange-v1.xsd) for a partner that speaks it,
 * such as another country's Borderlink gateway or an alliance's liaison system: signed, its Body encrypted
 * (contracts/PROFILE.md), POSTed as XML, and able to carry a confidentiality label bound to the Body
 * (docs/labels.md). What such a partner sends us (by file drop; it has no online endpoint) reads back the same
 * way.
 *
 * <p>The message is the partner view with our share id as its ExchangeId (stable across retries, so the
 * partner can drop a duplicate) and the time it was rendered as its CreatedAt; the partner sees its own id
 * nowhere but as addressee.
 */
public final class PeerExchangeFormat implements PartnerFormat {

    public static final String ID = "EXCHANGE_XML";
    public static final QName BODY = new QName(ExchangeXml.NAMESPACE, "Body");

    private static final HttpEnvelope HTTP = HttpEnvelope.plain("application/xml");

    private final Intake intake;
    private final LabelSlot labels = new BodyLabel();

    public PeerExchangeFormat(GatewayIdentity identity) {
        this.intake = new ExchangeIntake(identity.country());
    }

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
        Header header = view.header();
        Header message = new Header(
                messageId,
                header.correlationId(),
                created,
                header.originator(),
                header.addressees(),
                header.category(),
                header.purpose(),
                header.sourceRefs());
        return Rendered.xml(ExchangeXml.toDocument(new Exchange(message, view.markings(), view.body())));
    }

    @Override
    public Protection protection() {
        return Protection.xmlElement(BODY);
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
        return Optional.of(intake);
    }

    @Override
    public Optional<LabelSlot> labelSlot() {
        return Optional.of(labels);
    }

    /**
     * The exchange's ExchangeId names it; its originator becomes the partner that sent it, and that id stays
     * among its source references. It is ours only when its signed markings release it to our country.
     */
    private static final class ExchangeIntake implements Intake {

        private final String country;

        ExchangeIntake(String country) {
            this.country = country;
        }

        @Override
        public QName root() {
            return new QName(ExchangeXml.NAMESPACE, "Exchange");
        }

        @Override
        public String messageId(Document message) {
            Element header = Dom.child(message.getDocumentElement(), "Header");
            String id = Dom.optionalToken(header, "ExchangeId");
            if (id == null || id.isEmpty()) {
                throw new GatewayException(ErrorCode.SCHEMA_INVALID, "the exchange has no ExchangeId");
            }
            return id;
        }

        @Override
        public Exchange translate(Document message, String senderId, UUID exchangeId) {
            ExchangeXml.validate(message);
            Exchange sent = ExchangeXml.read(message);
            // The profile signs, then encrypts: an exchange a peer signed for someone else, decrypted there and
            // encrypted anew to us, still carries the peer's valid signature. Its signed markings say for whom.
            if (!sent.markings().releasableTo().contains(country)) {
                throw new GatewayException(
                        ErrorCode.PROFILE_VIOLATION,
                        "the exchange is not releasable to " + country
                                + ": a peer's exchange is ours only when its signed markings release it to us");
            }
            Header header = sent.header();
            List<SourceRef> references = new ArrayList<>(header.sourceRefs());
            references.add(new SourceRef(senderId, header.exchangeId().toString()));
            return new Exchange(
                    new Header(
                            exchangeId,
                            header.correlationId(),
                            header.createdAt(),
                            senderId,
                            header.addressees(),
                            header.category(),
                            header.purpose(),
                            references),
                    sent.markings(),
                    sent.body());
        }
    }

    /** The label describes the Body, and its binding goes just before it, after the markings. */
    private static final class BodyLabel implements LabelSlot {

        @Override
        public Element data(Document rendered) {
            return Dom.child(rendered.getDocumentElement(), "Body");
        }

        @Override
        public void place(Document rendered, Element binding) {
            rendered.getDocumentElement().insertBefore(binding, data(rendered));
        }
    }

    /**
     * Its receipts are signed files of their own that come back through the import folder (docs/air-gap.md),
     * never an answer to a delivery.
     */
    @Override
    public Optional<ReceiptFormat> receipt() {
        return Optional.empty();
    }
}
