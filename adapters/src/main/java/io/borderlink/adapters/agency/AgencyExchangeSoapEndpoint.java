package io.borderlink.adapters.agency;

import static io.borderlink.adapters.soap.SoapPayloads.append;

import io.borderlink.adapters.flow.Flows;
import io.borderlink.adapters.soap.SoapPayloads;
import io.borderlink.contracts.api.Receipt;
import io.borderlink.contracts.api.Submission;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.xml.SecureXml;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import javax.xml.transform.dom.DOMSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The agency SOAP service of contracts/wsdl/agency-exchange.wsdl. The protected exchange inside
 * {@code SubmitExchangeRequest} goes to the same flow as the REST API; refusals come back as SOAP faults
 * whose {@code GatewayFault} detail carries the stable code.
 */
@WebServiceProvider(
        serviceName = "AgencyExchangeService",
        portName = "AgencyExchangePort",
        targetNamespace = AgencyExchangeSoapEndpoint.NAMESPACE,
        wsdlLocation = "wsdl/agency-exchange.wsdl")
@ServiceMode(Service.Mode.PAYLOAD)
public class AgencyExchangeSoapEndpoint implements Provider<DOMSource> {

    public static final String NAMESPACE = "urn:borderlink:service:exchange:1";

    private final Flows flows;

    public AgencyExchangeSoapEndpoint(Flows flows) {
        this.flows = flows;
    }

    @Override
    public DOMSource invoke(DOMSource request) {
        try {
            byte[] exchange =
                    SecureXml.serialize(SoapPayloads.request(request, ExchangeXml.NAMESPACE, flows, NAMESPACE));
            Receipt receipt = flows.submit(new Submission(exchange, SoapPayloads.clientCertificate(), "SOAP"));
            return new DOMSource(response(receipt));
        } catch (GatewayException e) {
            throw SoapPayloads.fault(e, NAMESPACE);
        }
    }

    private static Document response(Receipt receipt) {
        Document document = SecureXml.newDocument();
        Element response = document.createElementNS(NAMESPACE, "SubmitExchangeResponse");
        document.appendChild(response);
        append(response, "ExchangeId", receipt.exchangeId().toString());
        append(response, "State", receipt.state());
        append(response, "ReceivedAt", receipt.receivedAt().toString());
        append(response, "Duplicate", String.valueOf(receipt.duplicate()));
        SoapPayloads.appendSigned(response, "Receipt", receipt.receipt());
        return document;
    }
}
