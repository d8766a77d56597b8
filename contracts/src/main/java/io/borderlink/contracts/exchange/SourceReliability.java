package io.borderlink.contracts.exchange;

/** Source evaluation: A no doubt, B mostly reliable, C mostly unreliable, X cannot be assessed. */
public enum SourceReliability {
    A,
    B,
    C,
    X
}
