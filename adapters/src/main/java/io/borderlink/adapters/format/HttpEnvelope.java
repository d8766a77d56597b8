package io.borderlink.adapters.format;

import io.borderlink.adapters.soap.SoapEnvelope;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * How a protected message travels in an HTTP POST: what goes around it (a SOAP envelope, or nothing),
 * the request's content type and its other headers. The message inside stays byte for byte what was
 * kept as evidence.
 */
public record HttpEnvelope(String contentType, Map<String, String> headers, UnaryOperator<byte[]> wrapper) {

    public HttpEnvelope {
        headers = Map.copyOf(headers);
    }

    /** The message as the whole body. */
    public static HttpEnvelope plain(String contentType) {
        return new HttpEnvelope(contentType, Map.of(), UnaryOperator.identity());
    }

    /** The message as the one child of a SOAP 1.1 request, with its SOAPAction. */
    public static HttpEnvelope soap(SoapEnvelope envelope, String soapAction) {
        return new HttpEnvelope(
                SoapEnvelope.CONTENT_TYPE, Map.of("SOAPAction", "\"" + soapAction + "\""), envelope::wrap);
    }

    public byte[] wrap(byte[] protectedMessage) {
        return wrapper.apply(protectedMessage);
    }
}
