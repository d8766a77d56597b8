package io.borderlink.gateway.partner;

/** Which way an exchange travels across the border. */
public enum Direction {
    /** From a national agency to foreign partners. */
    OUTBOUND,
    /** From a foreign partner to national agencies. */
    INBOUND
}
