package io.borderlink.gateway.policy;

/** What happens to one partner's share of an exchange. */
public enum Decision {
    RELEASE,
    /** Released only after a liaison officer approves the partner view. */
    HOLD,
    DENY
}
