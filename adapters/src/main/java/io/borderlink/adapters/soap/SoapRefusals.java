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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every SOAP fault that is not already one of ours (a {@code GatewayFault} detail, audited where it was raised)
 * gets the stable code every other refusal has, and is audited. A request CXF cannot read (over a StAX limit,
 * not XML) is {@code XML_LIMIT_EXCEEDED} or {@code XML_MALFORMED}; one it cannot take as the service's request (a
 * part the service does not define, two request elements, a header it must understand, another SOAP version, a
 * SOAPAction of no operation) is {@code PROFILE_VIOLATION}; a failure after our provider had the request is ours,
 * {@code INTERNAL_ERROR}, logged in full and told in no detail. CXF's own wording, which can name its classes,
 * never reaches the caller.
 */
public final class SoapRefusals extends AbstractSoapInterceptor {

    private static final Logger log = LoggerFactory.getLogger(SoapRefusals.class);

    private final String namespace;
    private final BiConsumer<X509Certificate, GatewayException> audit;

    /** @param audit records the refusal with the client's certificate (null when it presented none) */
    public SoapRefusals(String namespace, BiConsumer<X509Certificate, GatewayException> audit) {
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
        Message request =
                message.getExchange() == null ? null : message.getExchange().getInMessage();
        GatewayException refusal = refusal(fault, request);
        HttpServletRequest http =
                request == null ? null : (HttpServletRequest) request.get(AbstractHTTPDestination.HTTP_REQUEST);
        audit.accept(http == null ? null : ClientCertificates.of(http), refusal);
        SoapFault answer = SoapPayloads.fault(refusal, namespace);
        if (refusal.code() == ErrorCode.METHOD_NOT_ALLOWED) {
            answer.setStatusCode(refusal.code().status());
        }
        message.setContent(Exception.class, answer);
    }

    private static GatewayException refusal(Exception fault, Message request) {
        GatewayException ours = cause(fault, GatewayException.class);
        if (ours != null) {
            return ours; // raised by an interceptor of ours (SingleBody)
        }
        XMLStreamException unreadable = cause(fault, XMLStreamException.class);
        if (unreadable != null) {
            String reason = String.valueOf(unreadable.getMessage());
            ErrorCode code = reason.toLowerCase(Locale.ROOT).contains("limit")
                    ? ErrorCode.XML_LIMIT_EXCEEDED
                    : ErrorCode.XML_MALFORMED;
            return new GatewayException(
                    code,
                    "the request cannot be read: " + reason.lines().findFirst().orElse(reason));
        }
        if (fault instanceof Fault cxf && cxf.getStatusCode() == ErrorCode.METHOD_NOT_ALLOWED.status()) {
            return new GatewayException(ErrorCode.METHOD_NOT_ALLOWED, "a SOAP request is POSTed (GET serves the WSDL)");
        }
        if (request != null && SoapPayloads.providerReached(request)) {
            log.error("SOAP request failed after it reached the provider", fault);
            return new GatewayException(ErrorCode.INTERNAL_ERROR, "the request could not be processed");
        }
        String faultCode = fault instanceof Fault cxf ? cxf.getFaultCode().getLocalPart() : "Server";
        log.info("SOAP request refused by CXF ({}): {}", faultCode, fault.getMessage());
        return new GatewayException(
                ErrorCode.PROFILE_VIOLATION,
                "the request is not a request of this service (SOAP 1.1, the operation's SOAPAction, one request"
                        + " element of the service's message, no header that must be understood); fault "
                        + faultCode);
    }

    private static <T extends Throwable> T cause(Throwable fault, Class<T> type) {
        for (Throwable cause = fault; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
