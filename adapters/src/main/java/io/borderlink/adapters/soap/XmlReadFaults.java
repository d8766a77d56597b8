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
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;

/**
 * A request CXF cannot even read (over a StAX limit, or not XML) never reaches our providers, so CXF would
 * answer with a fault of its own wording. This gives that refusal the stable code every other refusal has:
 * {@code XML_LIMIT_EXCEEDED} or {@code XML_MALFORMED}, in a {@code GatewayFault} detail.
 */
public final class XmlReadFaults extends AbstractSoapInterceptor {

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
        if (unreadable == null) {
            return;
        }
        String reason = String.valueOf(unreadable.getMessage());
        ErrorCode code = reason.toLowerCase(Locale.ROOT).contains("limit")
                ? ErrorCode.XML_LIMIT_EXCEEDED
                : ErrorCode.XML_MALFORMED;
        String firstLine = reason.lines().findFirst().orElse(reason);
        GatewayException refusal = new GatewayException(code, "the request cannot be read: " + firstLine);
        audit.accept(
                ClientCertificates.of((HttpServletRequest) message.get(AbstractHTTPDestination.HTTP_REQUEST)), refusal);
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
