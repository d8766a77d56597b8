package io.borderlink.contracts.exchange;

import java.util.Objects;

/**
 * Identity of a human source: a description and, where the agency records them, the source's
 * name, registration code and handling officer. Never leaves the country.
 */
public record SourceDetails(String description, String name, String sourceCode, String handler) {

    public SourceDetails {
        Objects.requireNonNull(description, "description");
    }
}
