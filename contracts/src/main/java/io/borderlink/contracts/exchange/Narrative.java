package io.borderlink.contracts.exchange;

import java.util.Objects;

/** Free text and its BCP 47 language tag. */
public record Narrative(String text, String lang) {

    public Narrative {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(lang, "lang");
    }
}
