package io.borderlink.gateway.policy;

/**
 * What kind of removed value a leak check found in a text about to leave. Traces, audit events and
 * logs name the kind and the rule that removed the value, never the value.
 */
public enum LeakKind {
    /** A surname, given name, name in original script or alias of a person the policy removed or masked. */
    PERSON_NAME,
    /** A travel document number the policy removed or masked. */
    DOCUMENT_NUMBER,
    /** A date of birth (beyond its year) the policy removed or generalised. */
    DATE_OF_BIRTH,
    /** A plate or VIN the policy removed or masked. */
    VEHICLE_ID,
    /** A declarant or consignment party the policy removed. */
    PARTY_NAME,
    /** A place named in a removed location description or place of birth. */
    PLACE_NAME,
    /** Six words in a row from a removed location description. */
    LOCATION_DESCRIPTION,
    /** Coordinates finer than the partner's grid, near a position the policy generalised or removed. */
    FINE_COORDINATES,
    /** A distance shorter than the partner's grid cell, where the policy generalised or removed positions. */
    FINE_DISTANCE,
    /** A reference in another system that the policy removed. */
    SOURCE_REFERENCE,
    /** A human source's name, registration code or handler, which never leave the country. */
    SOURCE_DETAIL,
    /** Six words in a row, or a reference, from internal notes, which never leave the originating agency. */
    INTERNAL_NOTE
}
