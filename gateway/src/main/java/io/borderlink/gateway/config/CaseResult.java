package io.borderlink.gateway.config;

import java.nio.file.Path;
import java.util.List;

/**
 * What one test case kept beside a configuration file ({@code <file>/cases/*.yml}: partner policy cases, agency
 * inbound cases) concluded about it: a null {@code failure} means it passed.
 *
 * @param owner the partner or agency whose file the case tests
 */
public record CaseResult(Path file, String owner, String description, String failure) {

    public boolean passed() {
        return failure == null;
    }

    /** Refuses configuration that fails any of its own cases, naming each failing case file. */
    public static void requirePassing(List<CaseResult> results, String what) {
        List<String> failures = results.stream()
                .filter(r -> !r.passed())
                .map(r -> r.file() + ": " + r.failure())
                .toList();
        if (!failures.isEmpty()) {
            throw new InvalidConfigurationException(what + " fail: " + String.join("; ", failures));
        }
    }
}
