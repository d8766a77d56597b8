package io.borderlink.contracts.label;

import java.util.List;
import java.util.Objects;

/**
 * One category of a confidentiality label ({@code Category@Type@TagName@URI} with its {@code GenericValue}s),
 * its values in the order written.
 *
 * @param uri the category's identifier in its policy, where it has one
 */
public record LabelCategory(String tagName, String uri, CategoryType type, List<String> values) {

    public LabelCategory {
        Objects.requireNonNull(tagName, "tagName");
        Objects.requireNonNull(type, "type");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("category " + tagName + " has no value");
        }
    }
}
