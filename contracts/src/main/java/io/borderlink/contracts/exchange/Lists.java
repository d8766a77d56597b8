package io.borderlink.contracts.exchange;

import java.util.List;

final class Lists {

    private Lists() {}

    /** Lists in the canonical records are never null, and never change after construction. */
    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
