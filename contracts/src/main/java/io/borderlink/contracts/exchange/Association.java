package io.borderlink.contracts.exchange;

import java.util.Objects;

/** A link between two subjects that reads "from role to", e.g. {@code P1 DRIVER_OF V1}. */
public record Association(String fromId, String toId, String role) {

    public Association {
        Objects.requireNonNull(fromId, "fromId");
        Objects.requireNonNull(toId, "toId");
        Objects.requireNonNull(role, "role");
    }
}
