package io.borderlink.adapters.liaison;

import io.borderlink.contracts.xml.SecureXml;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Delivers a protected liaison message as the {@code Deliver} request of contracts/wsdl/liaison.wsdl
 * (SOAP 1.1, document/literal). The message travels as the partner signed-and-encrypted document;
 * its exclusive-c14n signature survives being wrapped in the envelope.
 */
public final class LiaisonClient {

    public static final String SERVICE_NAMESPACE = "urn:borderlink:partner:liaison:service:1";
    public static final String SOAP_ACTION = SERVICE_NAMESPACE + ":Deliver";
    static final String SOAP_NAMESPACE = "http://schemas.xmlsoap.org/soap/envelope/";

    private final HttpClient http;

    public LiaisonClient(HttpClient http) {
        this.http = http;
    }

    /** Posts the message and returns the partner's HTTP answer; classifying it is the caller's business. */
    public Answer deliver(URI endpoint, Document protectedMessage, Duration timeout)
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

    static byte[] envelope(Document protectedMessage) {
        Document soap = SecureXml.newDocument();
        Element envelope = soap.createElementNS(SOAP_NAMESPACE, "soap:Envelope");
        Element body = soap.createElementNS(SOAP_NAMESPACE, "soap:Body");
        Element deliver = soap.createElementNS(SERVICE_NAMESPACE, "DeliverRequest");
        soap.appendChild(envelope);
        envelope.appendChild(body);
        body.appendChild(deliver);
        deliver.appendChild(soap.importNode(protectedMessage.getDocumentElement(), true));
        return SecureXml.serialize(soap);
    }

    /** The partner's HTTP status and body. */
    public record Answer(int status, byte[] body) {}
}
