package io.borderlink.adapters.liaison;

import io.borderlink.adapters.soap.SoapEnvelope;
import java.util.Map;

/**
 * The liaison partners' transport: the protected LiaisonMessage as the {@code Deliver} request of
 * contracts/wsdl/liaison.wsdl (SOAP 1.1, document/literal).
 */
public final class LiaisonSoap {

    public static final String SERVICE_NAMESPACE = "urn:borderlink:partner:liaison:service:1";
    public static final String SOAP_ACTION = SERVICE_NAMESPACE + ":Deliver";
    public static final String CONTENT_TYPE = SoapEnvelope.CONTENT_TYPE;
    public static final Map<String, String> HEADERS = Map.of("SOAPAction", "\"" + SOAP_ACTION + "\"");

    private static final SoapEnvelope ENVELOPE = new SoapEnvelope(SERVICE_NAMESPACE, "DeliverRequest");

    private LiaisonSoap() {}

    public static byte[] envelope(byte[] protectedMessage) {
        return ENVELOPE.wrap(protectedMessage);
    }
}
