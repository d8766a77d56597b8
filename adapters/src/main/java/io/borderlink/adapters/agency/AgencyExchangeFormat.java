package io.borderlink.adapters.agency;

import io.borderlink.adapters.format.HttpEnvelope;
import io.borderlink.adapters.format.Intake;
import io.borderlink.adapters.format.PartnerFormat;
import io.borderlink.adapters.format.Protection;
import io.borderlink.adapters.format.ReceiptFormat;
import io.borderlink.adapters.format.Rendered;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.xml.namespace.QName;

/**
 * What our agencies receive partner intelligence in: the canonical exchange under the agency profile
 * (contracts/PROFILE.md), its Body encrypted, either POSTed as XML ({@code AGENCY_REST}) or as the
 * {@code ReceiveExchange} request of contracts/wsdl/agency-inbound.wsdl ({@code AGENCY_SOAP}). Agencies
 * send to us through their own endpoints, never in this format through the partners' intake.
 */
public final class AgencyExchangeFormat implements PartnerFormat {

    public static final QName BODY = new QName(ExchangeXml.NAMESPACE, "Body");

    private final String id;
    private final HttpEnvelope envelope;

    private AgencyExchangeFormat(String id, HttpEnvelope envelope) {
        this.id = id;
        this.envelope = envelope;
    }

    /** {@code AGENCY_REST}: an application/xml POST. */
    public static AgencyExchangeFormat rest() {
        return new AgencyExchangeFormat("AGENCY_REST", HttpEnvelope.plain("application/xml"));
    }

    /** {@code AGENCY_SOAP}: the ReceiveExchange request of the service the agency offers. */
    public static AgencyExchangeFormat soap() {
        return new AgencyExchangeFormat("AGENCY_SOAP", AgencyInboundSoap.HTTP);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Audience audience() {
        return Audience.AGENCY;
    }

    /** The view as it is; the exchange carries its own ids and times. */
    @Override
    public Rendered render(Exchange view, UUID messageId, String recipientId, Instant created) {
        return Rendered.xml(ExchangeXml.toDocument(view));
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
        return envelope;
    }

    @Override
    public Optional<Intake> intake() {
        return Optional.empty();
    }

    /** Agency systems answer with a plain acknowledgement; their receipts are not signed. */
    @Override
    public Optional<ReceiptFormat> receipt() {
        return Optional.empty();
    }
}
