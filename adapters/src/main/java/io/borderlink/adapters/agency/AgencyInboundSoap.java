package io.borderlink.adapters.agency;

import io.borderlink.adapters.format.HttpEnvelope;
import io.borderlink.adapters.soap.SoapEnvelope;

/**
 * How partner intelligence reaches an agency that takes SOAP: the protected exchange as the
 * {@code ReceiveExchange} request of contracts/wsdl/agency-inbound.wsdl, a service the agency offers.
 */
public final class AgencyInboundSoap {

    public static final String SERVICE_NAMESPACE = "urn:borderlink:service:agency-inbound:1";
    public static final String SOAP_ACTION = SERVICE_NAMESPACE + ":ReceiveExchange";

    private static final SoapEnvelope ENVELOPE = new SoapEnvelope(SERVICE_NAMESPACE, "ReceiveExchangeRequest");

    /** How the canonical exchange travels to an agency that takes SOAP. */
    public static final HttpEnvelope HTTP = HttpEnvelope.soap(ENVELOPE, SOAP_ACTION);

    private AgencyInboundSoap() {}
}
