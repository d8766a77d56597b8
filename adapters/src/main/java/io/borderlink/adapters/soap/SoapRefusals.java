package io.borderlink.adapters.soap;

import io.borderlink.adapters.flow.ClientCertificates;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.function.BiConsumer;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;

/**
 * A request CXF cannot even read (over a StAX limit, not XML, not the service's part) never reaches our
 * providers, so CXF would answer with a fault of its own wording. This gives that refusal the stable code
 * every other refusal has ({@code XML_LIMIT_EXCEEDED}, {@code XML_MALFORMED} or {@code PROFILE_VIOLATION}, in
 * a {@code GatewayFault} detail) and audits it.
 */
public final class XmlReadFaults extends AbstractSoapInterceptor {

    private static final String CLIENT = "Client";

    private final String namespace;
    private final BiConsumer<X509Certificate, GatewayException> audit;

    /** @param audit records the refusal with the client's certificate (null when it presented none) */
    public XmlReadFaults(String namespace, BiConsumer<X509Certificate, GatewayException> audit) {
        super(Phase.PRE_LOGICAL);
        this.namespace = namespace;
        this.audit = audit;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Exception fault = message.getContent(Exception.class);
        if (fault == null || fault instanceof SoapFault soap && soap.hasDetails()) {
            return;
        }
        XMLStreamException unreadable = unreadable(fault);
        GatewayException refusal;
        if (unreadable != null) {
            String reason = String.valueOf(unreadable.getMessage());
            ErrorCode code = reason.toLowerCase(Locale.ROOT).contains("limit")
                    ? ErrorCode.XML_LIMIT_EXCEEDED
                    : ErrorCode.XML_MALFORMED;
            refusal = new GatewayException(
                    code,
                    "the request cannot be read: " + reason.lines().findFirst().orElse(reason));
        } else if (fault instanceof Fault cxf
                && CLIENT.equals(cxf.getFaultCode().getLocalPart())) {
            // CXF's own refusals of what the caller sent (a part the service does not define, say).
            refusal = new GatewayException(
                    ErrorCode.PROFILE_VIOLATION, "the request does not have the service's shape: " + cxf.getMessage());
        } else {
            return;
        }
        Message request =
                message.getExchange() == null ? null : message.getExchange().getInMessage();
        HttpServletRequest http =
                request == null ? null : (HttpServletRequest) request.get(AbstractHTTPDestination.HTTP_REQUEST);
        audit.accept(http == null ? null : ClientCertificates.of(http), refusal);
        message.setContent(Exception.class, SoapPayloads.fault(refusal, namespace));
    }

    private static XMLStreamException unreadable(Throwable fault) {
        for (Throwable cause = fault; cause != null; cause = cause.getCause()) {
            if (cause instanceof XMLStreamException stream) {
                return stream;
            }
        }
        return null;
    }
}
