package io.borderlink.adapters.agency;

import io.borderlink.contracts.api.Receipt;
import io.borderlink.contracts.api.Submission;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.xml.SecureXml;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import javax.xml.namespace.QName;
import javax.xml.transform.dom.DOMSource;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

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

    static final String NAMESPACE = "urn:borderlink:service:exchange:1";
    private static final QName CLIENT_FAULT = new QName("http://schemas.xmlsoap.org/soap/envelope/", "Client");
    private static final QName SERVER_FAULT = new QName("http://schemas.xmlsoap.org/soap/envelope/", "Server");

    private final AgencyIntake intake;

    public AgencyExchangeSoapEndpoint(AgencyIntake intake) {
        this.intake = intake;
    }

    @Override
    public DOMSource invoke(DOMSource request) {
        try {
            byte[] exchange = SecureXml.serialize(protectedExchange(request.getNode()));
            return new DOMSource(response(intake.submit(new Submission(exchange, clientCertificate(), "SOAP"))));
        } catch (GatewayException e) {
            throw fault(e);
        }
    }

    /** The one exchange element of the request, serialized on its own (its signature uses exclusive c14n). */
    private static Element protectedExchange(Node payload) {
        Element request = payload instanceof Document document ? document.getDocumentElement() : (Element) payload;
        Element found = null;
        for (Node child = request.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                if (found != null || !ExchangeXml.NAMESPACE.equals(element.getNamespaceURI())) {
                    throw new GatewayException(
                            ErrorCode.PROFILE_VIOLATION, "SubmitExchangeRequest must hold exactly one Exchange");
                }
                found = element;
            }
        }
        if (found == null) {
            throw new GatewayException(ErrorCode.PROFILE_VIOLATION, "SubmitExchangeRequest holds no Exchange");
        }
        return found;
    }

    private static java.security.cert.X509Certificate clientCertificate() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        return ClientCertificates.of((HttpServletRequest) message.get(AbstractHTTPDestination.HTTP_REQUEST));
    }

    private static Document response(Receipt receipt) {
        Document document = SecureXml.newDocument();
        Element response = document.createElementNS(NAMESPACE, "SubmitExchangeResponse");
        document.appendChild(response);
        append(response, "ExchangeId", receipt.exchangeId().toString());
        append(response, "State", receipt.state());
        append(response, "ReceivedAt", receipt.receivedAt().toString());
        append(response, "Duplicate", String.valueOf(receipt.duplicate()));
        return document;
    }

    private static SoapFault fault(GatewayException e) {
        boolean callerError = e.code().status() < 500;
        String message = e.code() == ErrorCode.INTERNAL_ERROR ? "the request could not be processed" : e.getMessage();
        SoapFault fault = new SoapFault(e.code().name() + ": " + message, callerError ? CLIENT_FAULT : SERVER_FAULT);
        Element detail = fault.getOrCreateDetail();
        Element gatewayFault = detail.getOwnerDocument().createElementNS(NAMESPACE, "GatewayFault");
        detail.appendChild(gatewayFault);
        append(gatewayFault, "Code", e.code().name());
        append(gatewayFault, "Message", message);
        return fault;
    }

    private static void append(Element parent, String name, String text) {
        Element child = parent.getOwnerDocument().createElementNS(NAMESPACE, name);
        child.setTextContent(text);
        parent.appendChild(child);
    }
}
