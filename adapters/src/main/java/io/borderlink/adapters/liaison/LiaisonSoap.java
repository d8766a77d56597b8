package io.borderlink.adapters.liaison;

import io.borderlink.adapters.format.HttpEnvelope;
import io.borderlink.adapters.soap.SoapEnvelope;

/**
 * The liaison partners' transport: the protected LiaisonMessage as the {@code Deliver} request of
 * contracts/wsdl/liaison.wsdl (SOAP 1.1, document/literal).
 */
public final class LiaisonSoap {

    public static final String SERVICE_NAMESPACE = "urn:borderlink:partner:liaison:service:1";
    public static final String SOAP_ACTION = SERVICE_NAMESPACE + ":Deliver";
    public static final String CONTENT_TYPE = SoapEnvelope.CONTENT_TYPE;

    private static final SoapEnvelope ENVELOPE = new SoapEnvelope(SERVICE_NAMESPACE, "DeliverRequest");

    /** How the liaison format travels to the offices. */
    public static final HttpEnvelope HTTP = HttpEnvelope.soap(ENVELOPE, SOAP_ACTION);

    private LiaisonSoap() {}

    public static byte[] envelope(byte[] protectedMessage) {
        return ENVELOPE.wrap(protectedMessage);
    }
}
