package io.borderlink.gateway.policy;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A release rule on the label a partner that takes labels would receive (docs/labels.md): when the label's
 * category {@code category} has (or lacks) {@code value}, the share is held or denied. Written in the label
 * policy's words, as the partner's systems will read the label.
 *
 * @param id names the rule in traces ({@code label:<id>})
 * @param category a category of the partner's label policy, by tag name
 * @param value one of that category's values
 */
public record LabelRule(
        @NotBlank String id,
        @NotBlank String category,
        @NotBlank String value,
        @DefaultValue("PRESENT") When when,
        @DefaultValue("DENY") @NotNull Decision decision) {

    /** Whether the rule fires on the value being in the category, or on its being missing from it. */
    public enum When {
        PRESENT,
        ABSENT
    }

    @AssertTrue(message = "decision must be HOLD or DENY")
    public boolean isHoldOrDeny() {
        return decision != Decision.RELEASE;
    }
}
