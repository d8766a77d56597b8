package io.borderlink.contracts.exchange;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;

/**
 * TLP 2.0 labels, declared from the widest audience to the narrowest. {@link #label()} is the form
 * on the wire (without the {@code TLP:} prefix); {@code AMBER+STRICT} is not a Java identifier.
 */
public enum Tlp {
    CLEAR("CLEAR"),
    GREEN("GREEN"),
    AMBER("AMBER"),
    AMBER_STRICT("AMBER+STRICT"),
    RED("RED");

    private final String label;

    Tlp(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Tlp fromLabel(String label) {
        for (Tlp tlp : values()) {
            if (tlp.label.equals(label)) {
                return tlp;
            }
        }
        throw new GatewayException(ErrorCode.SCHEMA_INVALID, "not a TLP 2.0 label: " + label);
    }
}
