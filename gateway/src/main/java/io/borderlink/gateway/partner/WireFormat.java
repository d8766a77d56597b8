package io.borderlink.gateway.partner;

/**
 * The wire formats Borderlink delivers in. A new format needs a translator; a new partner or agency
 * speaking a known format is only a configuration file.
 */
public enum WireFormat {
    /** Neighbour-country liaison offices: liaison-v1 XML in a SOAP request (contracts/wsdl/liaison.wsdl). */
    LIAISON_SOAP,
    /** INTERPOL-style notices: notice JSON (contracts/json) signed (JWS) and encrypted (JWE), posted as application/jose. */
    NOTICE_JSON,
    /** The customs enforcement network: a WCO Data Model-style EnforcementMessage (contracts/xsd), posted as XML. */
    WCO_XML,
    /** An agency's own endpoint: the canonical exchange under the agency profile (contracts/PROFILE.md), posted as XML. */
    AGENCY_REST,
    /** The same, as the ReceiveExchange request of contracts/wsdl/agency-inbound.wsdl. */
    AGENCY_SOAP
}
