package io.borderlink.adapters.liaison;

import io.borderlink.adapters.format.GatewayIdentity;
import io.borderlink.adapters.format.HeaderIntake;
import io.borderlink.adapters.format.HttpEnvelope;
import io.borderlink.adapters.format.Intake;
import io.borderlink.adapters.format.PartnerFormat;
import io.borderlink.adapters.format.Protection;
import io.borderlink.adapters.format.ReceiptFormat;
import io.borderlink.adapters.format.Rendered;
import io.borderlink.contracts.exchange.Exchange;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.xml.namespace.QName;

/**
 * {@code LIAISON_SOAP}: the neighbour countries' liaison offices. A LiaisonMessage (contracts/xsd/liaison-v1.xsd)
 * with its Content encrypted, delivered as the {@code Deliver} request of contracts/wsdl/liaison.wsdl; the
 * offices deliver to us the same way.
 */
public final class LiaisonFormat implements PartnerFormat {

    public static final String ID = "LIAISON_SOAP";
    public static final QName ROOT = new QName(LiaisonTranslator.NAMESPACE, "LiaisonMessage");

    private final LiaisonTranslator translator;
    private final Intake intake;

    public LiaisonFormat(GatewayIdentity identity) {
        this.translator = new LiaisonTranslator(identity);
        this.intake = new HeaderIntake(ROOT, translator::fromLiaison);
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
        return Rendered.xml(translator.toLiaison(view, messageId, recipientId, created));
    }

    @Override
    public Protection protection() {
        return Protection.xmlElement(LiaisonTranslator.CONTENT);
    }

    @Override
    public String mediaType() {
        return "application/xml";
    }

    @Override
    public HttpEnvelope httpEnvelope() {
        return LiaisonSoap.HTTP;
    }

    @Override
    public Optional<Intake> intake() {
        return Optional.of(intake);
    }

    /** The {@code DeliverResponse} carries a {@code Receipt} signed by the receiving office (or by us). */
    @Override
    public Optional<ReceiptFormat> receipt() {
        return Optional.of(LiaisonSoap.RECEIPT);
    }
}
