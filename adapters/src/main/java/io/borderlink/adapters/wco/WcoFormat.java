package io.borderlink.adapters.wco;

import io.borderlink.adapters.format.GatewayIdentity;
import io.borderlink.adapters.format.HeaderIntake;
import io.borderlink.adapters.format.HttpEnvelope;
import io.borderlink.adapters.format.Intake;
import io.borderlink.adapters.format.PartnerFormat;
import io.borderlink.adapters.format.Protection;
import io.borderlink.adapters.format.ReceiptFormat;
import io.borderlink.adapters.format.Rendered;
import io.borderlink.adapters.format.XmlReceipt;
import io.borderlink.contracts.exchange.Exchange;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.xml.namespace.QName;

/**
 * {@code WCO_XML}: the customs enforcement network. A WCO Data Model-style EnforcementMessage
 * (contracts/xsd/wco-enforcement-v1.xsd) with its Report encrypted, POSTed as XML; risk alerts are
 * POSTed to us the same way.
 */
public final class WcoFormat implements PartnerFormat {

    public static final String ID = "WCO_XML";
    public static final QName ROOT = new QName(WcoTranslator.NAMESPACE, "EnforcementMessage");

    private static final HttpEnvelope HTTP = HttpEnvelope.plain("application/xml");

    private final WcoTranslator translator;
    private final Intake intake;
    private final ReceiptFormat receipt = XmlReceipt.whole(new QName(WcoTranslator.NAMESPACE, "Acknowledgement"));

    public WcoFormat(GatewayIdentity identity) {
        this.translator = new WcoTranslator(identity);
        this.intake = new HeaderIntake(ROOT, translator::fromWco);
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
        return Rendered.xml(translator.toWco(view, messageId, recipientId, created));
    }

    @Override
    public Protection protection() {
        return Protection.xmlElement(WcoTranslator.REPORT);
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

    /** The answer is a signed {@code Acknowledgement} (contracts/xsd/wco-enforcement-v1.xsd). */
    @Override
    public Optional<ReceiptFormat> receipt() {
        return Optional.of(receipt);
    }
}
