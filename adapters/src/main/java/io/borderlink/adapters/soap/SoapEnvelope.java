package io.borderlink.adapters.soap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A protected message as the one child of a SOAP 1.1 document/literal request. The message travels as
 * its own bytes, so that what is sent is byte for byte what was kept as evidence; its exclusive-c14n
 * signature survives being wrapped.
 */
public final class SoapEnvelope {

    public static final String NAMESPACE = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String CONTENT_TYPE = "text/xml; charset=utf-8";

    private final byte[] start;
    private final byte[] end;

    /** An envelope whose body holds {@code <request xmlns="namespace">}, the message, and its end tag. */
    public SoapEnvelope(String namespace, String request) {
        this.start = ("<soap:Envelope xmlns:soap=\"" + NAMESPACE + "\"><soap:Body><" + request + " xmlns=\"" + namespace
                        + "\">")
                .getBytes(StandardCharsets.UTF_8);
        this.end = ("</" + request + "></soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
    }

    /** Only the message's XML declaration goes: a declaration may not appear inside another document. */
    public byte[] wrap(byte[] message) {
        int from = 0;
        String head = new String(message, 0, Math.min(message.length, 100), StandardCharsets.UTF_8);
        if (head.startsWith("<?xml")) {
            from = head.indexOf("?>") + 2;
        }
        ByteArrayOutputStream soap = new ByteArrayOutputStream(message.length + start.length + end.length);
        soap.writeBytes(start);
        soap.write(message, from, message.length - from);
        soap.writeBytes(end);
        return soap.toByteArray();
    }
}
