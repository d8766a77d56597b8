package io.borderlink.contracts.exchange;

import java.util.Objects;

/** Why the information is shared: a code policy can match on, and optional free text. */
public record Purpose(String code, String text) {

    public Purpose {
        Objects.requireNonNull(code, "code");
    }
}
