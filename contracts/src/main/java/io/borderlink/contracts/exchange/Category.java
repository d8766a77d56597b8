package io.borderlink.contracts.exchange;

/** What an exchange is about; drives routing and the partner format (docs/partner-formats.md, the canonical exchange). */
public enum Category {
    WANTED_PERSON,
    MISSING_PERSON,
    PERSON_ALERT,
    VEHICLE_ALERT,
    BORDER_INCIDENT,
    SEIZURE_REPORT,
    CUSTOMS_RISK_ALERT,
    WILDLIFE_TRAFFICKING
}
