package io.borderlink.adapters.liaison;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The liaison partners' transport: the protected LiaisonMessage as the {@code Deliver} request of
 * contracts/wsdl/liaison.wsdl (SOAP 1.1, document/literal). The message travels as its own bytes; its
 * exclusive-c14n signature survives being wrapped in the envelope.
 */
public final class LiaisonSoap {

    public static final String SERVICE_NAMESPACE = "urn:borderlink:partner:liaison:service:1";
    public static final String SOAP_ACTION = SERVICE_NAMESPACE + ":Deliver";
    public static final String CONTENT_TYPE = "text/xml; charset=utf-8";
    public static final Map<String, String> HEADERS = Map.of("SOAPAction", "\"" + SOAP_ACTION + "\"");

    private static final String SOAP_NAMESPACE = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final byte[] ENVELOPE_START = ("<soap:Envelope xmlns:soap=\"" + SOAP_NAMESPACE + "\"><soap:Body>"
                    + "<DeliverRequest xmlns=\"" + SERVICE_NAMESPACE + "\">")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] ENVELOPE_END =
            "</DeliverRequest></soap:Body></soap:Envelope>".getBytes(StandardCharsets.UTF_8);

    private LiaisonSoap() {}

    /**
     * The message's own bytes inside the envelope, so that what travels is byte for byte what was kept as
     * evidence. Only its XML declaration goes: a declaration may not appear inside another document.
     */
    public static byte[] envelope(byte[] protectedMessage) {
        int start = 0;
        String head = new String(protectedMessage, 0, Math.min(protectedMessage.length, 100), StandardCharsets.UTF_8);
        if (head.startsWith("<?xml")) {
            start = head.indexOf("?>") + 2;
        }
        ByteArrayOutputStream soap = new ByteArrayOutputStream(protectedMessage.length + ENVELOPE_START.length + 64);
        soap.writeBytes(ENVELOPE_START);
        soap.write(protectedMessage, start, protectedMessage.length - start);
        soap.writeBytes(ENVELOPE_END);
        return soap.toByteArray();
    }
}
