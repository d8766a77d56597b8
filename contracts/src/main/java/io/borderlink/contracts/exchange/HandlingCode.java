package io.borderlink.contracts.exchange;

/**
 * Law-enforcement handling codes (docs/partner-formats.md, markings): H0 crime prevention only, H1 not for judicial use
 * without permission, H2 no onward sharing without permission, H3 conditions stated in free text.
 */
public enum HandlingCode {
    H0,
    H1,
    H2,
    H3
}
