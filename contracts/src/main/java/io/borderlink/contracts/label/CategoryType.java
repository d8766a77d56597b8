package io.borderlink.contracts.label;

/** How a label category restricts access (ADatP-4774): one of its values, all of them, or not at all. */
public enum CategoryType {
    /** A reader needs one of the values, e.g. a nation the data is releasable to. */
    PERMISSIVE,
    /** A reader needs every value, e.g. each special-handling caveat. */
    RESTRICTIVE,
    /** Tells, restricts nothing. */
    INFORMATIVE
}
