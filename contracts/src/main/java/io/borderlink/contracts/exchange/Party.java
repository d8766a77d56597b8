package io.borderlink.contracts.exchange;

import java.util.Objects;

/** A party to a consignment other than the declarant, e.g. {@code CONSIGNEE} or {@code CARRIER}. */
public record Party(String role, String name) {

    public Party {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(name, "name");
    }
}
