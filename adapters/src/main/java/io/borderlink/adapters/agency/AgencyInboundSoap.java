package io.borderlink.adapters.agency;

import io.borderlink.adapters.soap.SoapEnvelope;
import java.util.Map;

/**
 * How partner intelligence reaches an agency that takes SOAP: the protected exchange as the
 * {@code ReceiveExchange} request of contracts/wsdl/agency-inbound.wsdl, a service the agency offers.
 */
public final class AgencyInboundSoap {

    public static final String SERVICE_NAMESPACE = "urn:borderlink:service:agency-inbound:1";
    public static final String SOAP_ACTION = SERVICE_NAMESPACE + ":ReceiveExchange";
    public static final String CONTENT_TYPE = SoapEnvelope.CONTENT_TYPE;
    public static final Map<String, String> HEADERS = Map.of("SOAPAction", "\"" + SOAP_ACTION + "\"");

    private static final SoapEnvelope ENVELOPE = new SoapEnvelope(SERVICE_NAMESPACE, "ReceiveExchangeRequest");

    private AgencyInboundSoap() {}

    public static byte[] envelope(byte[] protectedExchange) {
        return ENVELOPE.wrap(protectedExchange);
    }
}
