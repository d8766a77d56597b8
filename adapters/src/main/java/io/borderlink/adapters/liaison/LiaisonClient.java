package io.borderlink.adapters.liaison;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Delivers a protected liaison message as the {@code Deliver} request of contracts/wsdl/liaison.wsdl
 * (SOAP 1.1, document/literal). The message travels as the signed-and-encrypted document; its
 * exclusive-c14n signature survives being wrapped in the envelope.
 */
public final class LiaisonClient {

    public static final String SERVICE_NAMESPACE = "urn:borderlink:partner:liaison:service:1";
    public static final String SOAP_ACTION = SERVICE_NAMESPACE + ":Deliver";
    static final String SOAP_NAMESPACE = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final byte[] ENVELOPE_START = ("<soap:Envelope xmlns:soap=\"" + SOAP_NAMESPACE + "\"><soap:Body>"
                    + "<DeliverRequest xmlns=\"" + SERVICE_NAMESPACE + "\">")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] ENVELOPE_END =
            "</DeliverRequest></soap:Body></soap:Envelope>".getBytes(StandardCharsets.UTF_8);

    private final HttpClient http;

    public LiaisonClient(HttpClient http) {
        this.http = http;
    }

    /**
     * Posts the message and returns the partner's HTTP answer; classifying it is the caller's business.
     *
     * @param protectedMessage the serialized, signed and encrypted LiaisonMessage document
     */
    public Answer deliver(URI endpoint, byte[] protectedMessage, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"" + SOAP_ACTION + "\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope(protectedMessage)))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.body());
    }

    /**
     * The message's own bytes inside the envelope, so that what travels is byte for byte what was kept as
     * evidence. Only its XML declaration goes: a declaration may not appear inside another document.
     */
    static byte[] envelope(byte[] protectedMessage) {
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

    /** The partner's HTTP status and body. */
    public record Answer(int status, byte[] body) {}
}
