package io.borderlink.adapters.liaison;

import static io.borderlink.adapters.soap.SoapPayloads.append;

import io.borderlink.adapters.flow.Flows;
import io.borderlink.adapters.soap.SoapPayloads;
import io.borderlink.contracts.api.Receipt;
import io.borderlink.contracts.api.Submission;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.xml.SecureXml;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import java.nio.charset.StandardCharsets;
import javax.xml.transform.dom.DOMSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Borderlink's own side of contracts/wsdl/liaison.wsdl: where the liaison offices deliver to us. The
 * protected LiaisonMessage inside {@code DeliverRequest} goes to the inbound flow, which authenticates
 * the office by its TLS client certificate and signature under its own CA; a repeated MessageId is
 * answered DUPLICATE and not processed again.
 */
@WebServiceProvider(
        serviceName = "LiaisonService",
        portName = "LiaisonPort",
        targetNamespace = LiaisonSoap.SERVICE_NAMESPACE,
        wsdlLocation = "wsdl/liaison.wsdl")
@ServiceMode(Service.Mode.PAYLOAD)
public class LiaisonInboundEndpoint implements Provider<DOMSource> {

    private final Flows flows;

    public LiaisonInboundEndpoint(Flows flows) {
        this.flows = flows;
    }

    @Override
    public DOMSource invoke(DOMSource request) {
        try {
            Element message =
                    SoapPayloads.request(request, LiaisonTranslator.NAMESPACE, flows, LiaisonSoap.SERVICE_NAMESPACE);
            Receipt receipt = flows.receive(
                    new Submission(SecureXml.serialize(message), SoapPayloads.clientCertificate(), "SOAP"));
            return new DOMSource(response(messageId(message), receipt));
        } catch (GatewayException e) {
            throw SoapPayloads.fault(e, LiaisonSoap.SERVICE_NAMESPACE);
        }
    }

    /** The sender's MessageId, from the header that stays readable; the flow has verified it by now. */
    private static String messageId(Element message) {
        return message.getElementsByTagNameNS(LiaisonTranslator.NAMESPACE, "MessageId")
                .item(0)
                .getTextContent()
                .trim();
    }

    private static Document response(String messageId, Receipt receipt) {
        Document document = SecureXml.newDocument();
        Element response = document.createElementNS(LiaisonSoap.SERVICE_NAMESPACE, "DeliverResponse");
        document.appendChild(response);
        append(response, "MessageId", messageId);
        append(response, "ReceivedAt", receipt.receivedAt().toString());
        append(response, "Status", receipt.duplicate() ? "DUPLICATE" : "ACCEPTED");
        if (receipt.receipt() != null) {
            // The Receipt element is itself the signed document (LiaisonSoap.RECEIPT), not wrapped in another.
            response.appendChild(document.importNode(
                    SecureXml.parse(receipt.receipt().getBytes(StandardCharsets.UTF_8))
                            .getDocumentElement(),
                    true));
        }
        return document;
    }
}
