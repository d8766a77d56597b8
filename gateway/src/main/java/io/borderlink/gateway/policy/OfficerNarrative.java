package io.borderlink.gateway.policy;

import io.borderlink.contracts.exchange.Narrative;
import java.util.Objects;

/**
 * An officer's text for one held share, in place of what the narrative rule gives: part of the partner
 * view, so an approval given before it no longer counts, and a share carrying it is always held.
 *
 * @param narrative the text, or null when the officer removed the narrative altogether
 */
public record OfficerNarrative(String officer, Narrative narrative) {

    public OfficerNarrative {
        Objects.requireNonNull(officer, "officer");
    }
}
