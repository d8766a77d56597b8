package io.borderlink.contracts.exchange;

/** Declared lowest first, so {@link #compareTo} is the sensitivity order partner ceilings are checked with. */
public enum Classification {
    UNCLASSIFIED,
    RESTRICTED,
    CONFIDENTIAL,
    SECRET
}
