package io.borderlink.gateway.partner;

/** The wire formats Borderlink can translate to; a new format needs a translator, a new partner does not. */
public enum PartnerFormat {
    /** Neighbour-country liaison offices: liaison-v1 XML in a SOAP request (contracts/wsdl/liaison.wsdl). */
    LIAISON_SOAP,
    /** INTERPOL-style notices: notice JSON (contracts/json) signed (JWS) and encrypted (JWE), posted as application/jose. */
    NOTICE_JSON,
    /** The customs enforcement network: a WCO Data Model-style EnforcementMessage (contracts/xsd), posted as XML. */
    WCO_XML
}
