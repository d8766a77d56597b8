package io.borderlink.contracts.exchange;

import java.util.Objects;

/** A reference in another system, such as an INTERPOL entity_id or a partner's message id. */
public record SourceRef(String system, String id) {

    public SourceRef {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(id, "id");
    }
}
