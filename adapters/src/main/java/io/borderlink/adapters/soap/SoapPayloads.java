package io.borderlink.adapters.soap;

import io.borderlink.adapters.flow.ClientCertificates;
import io.borderlink.adapters.flow.Flows;
import io.borderlink.contracts.api.Submission;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.xml.SecureXml;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
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
 * What our SOAP providers share: the one protected message inside a request, the caller's TLS client
 * certificate, and refusals as SOAP faults whose {@code GatewayFault} detail carries the stable code.
 */
public final class SoapPayloads {

    private static final QName CLIENT_FAULT = new QName(SoapEnvelope.NAMESPACE, "Client");
    private static final QName SERVER_FAULT = new QName(SoapEnvelope.NAMESPACE, "Server");
    private static final String PROVIDER_REACHED = "borderlink.soap.provider-reached";

    private SoapPayloads() {}

    /**
     * The request's one child element, which must be in {@code namespace}, for a provider CXF has just invoked
     * (marked so: a fault without our detail after this is ours, not the caller's, see {@link #providerReached}).
     * It is serialized on its own afterwards, which its exclusive-c14n signature allows. An empty SOAP body, one
     * without an element or with more than one, is refused like any other request outside the profile: audited as
     * a submission refused before any flow saw it, and answered with the fault in {@code faultNamespace}.
     */
    public static Element request(DOMSource payload, String namespace, Flows flows, String faultNamespace) {
        Message current = PhaseInterceptorChain.getCurrentMessage();
        current.getExchange().put(PROVIDER_REACHED, Boolean.TRUE);
        try {
            return onlyChild(payload, namespace);
        } catch (GatewayException e) {
            Node body = payload == null ? null : payload.getNode();
            byte[] sent = body == null ? new byte[0] : SecureXml.serialize(body);
            throw fault(flows.refused(new Submission(sent, clientCertificate(), "SOAP"), e), faultNamespace);
        }
    }

    /** Whether the request reached one of our providers, rather than failing in CXF's handling before it. */
    static boolean providerReached(Message message) {
        return message.getExchange() != null
                && Boolean.TRUE.equals(message.getExchange().get(PROVIDER_REACHED));
    }

    private static Element onlyChild(DOMSource payload, String namespace) {
        Node node = payload == null ? null : payload.getNode();
        Element request = node instanceof Document document
                ? document.getDocumentElement()
                : node instanceof Element element ? element : null;
        if (request == null) {
            throw new GatewayException(ErrorCode.PROFILE_VIOLATION, "the SOAP body holds no request element");
        }
        Element found = null;
        for (Node child = request.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                if (found != null || !namespace.equals(element.getNamespaceURI())) {
                    throw new GatewayException(
                            ErrorCode.PROFILE_VIOLATION,
                            request.getLocalName() + " must hold exactly one element of " + namespace);
                }
                found = element;
            }
        }
        if (found == null) {
            throw new GatewayException(
                    ErrorCode.PROFILE_VIOLATION, request.getLocalName() + " holds no element of " + namespace);
        }
        return found;
    }

    /** The TLS client certificate of the request CXF is processing on this thread. */
    public static X509Certificate clientCertificate() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        return ClientCertificates.of((HttpServletRequest) message.get(AbstractHTTPDestination.HTTP_REQUEST));
    }

    /** A Client fault for what the caller got wrong, a Server fault otherwise; internals are never told. */
    public static SoapFault fault(GatewayException e, String namespace) {
        boolean callerError = e.code().status() < 500;
        String message = e.code() == ErrorCode.INTERNAL_ERROR ? "the request could not be processed" : e.getMessage();
        SoapFault fault = new SoapFault(e.code().name() + ": " + message, callerError ? CLIENT_FAULT : SERVER_FAULT);
        Element detail = fault.getOrCreateDetail();
        Element gatewayFault = detail.getOwnerDocument().createElementNS(namespace, "GatewayFault");
        detail.appendChild(gatewayFault);
        append(gatewayFault, "Code", e.code().name());
        append(gatewayFault, "Message", message);
        return fault;
    }

    public static void append(Element parent, String name, String text) {
        Element child = parent.getOwnerDocument().createElementNS(parent.getNamespaceURI(), name);
        child.setTextContent(text);
        parent.appendChild(child);
    }

    /**
     * Appends {@code <name>} holding a signed XML document (the gateway's receipt) as it was signed; nothing
     * when there is none. Its exclusive-c14n signature does not depend on where it is embedded.
     */
    public static void appendSigned(Element parent, String name, String signedDocument) {
        if (signedDocument == null) {
            return;
        }
        Element child = parent.getOwnerDocument().createElementNS(parent.getNamespaceURI(), name);
        child.appendChild(parent.getOwnerDocument()
                .importNode(
                        SecureXml.parse(signedDocument.getBytes(StandardCharsets.UTF_8))
                                .getDocumentElement(),
                        true));
        parent.appendChild(child);
    }
}
