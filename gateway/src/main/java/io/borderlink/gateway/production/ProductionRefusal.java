package io.borderlink.gateway.production;

import java.util.List;

/** The prod profile's refusal to start, with every setting at fault. */
final class ProductionRefusal extends IllegalStateException {

    private final List<String> problems;

    ProductionRefusal(List<String> problems) {
        super("refusing to start under the prod profile:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
