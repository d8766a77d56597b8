package io.borderlink.contracts.exchange;

/** As in ICAO 9303 (M, F, X), plus U for unknown. */
public enum Sex {
    M,
    F,
    X,
    U
}
