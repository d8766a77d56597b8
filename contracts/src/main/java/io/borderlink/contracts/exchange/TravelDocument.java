package io.borderlink.contracts.exchange;

import java.time.LocalDate;
import java.util.Objects;

/** A travel document, identified by type, issuing state and number together (never the number alone). */
public record TravelDocument(String icaoType, String number, String issuingState, LocalDate expiry) {

    public TravelDocument {
        Objects.requireNonNull(icaoType, "icaoType");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issuingState, "issuingState");
    }
}
