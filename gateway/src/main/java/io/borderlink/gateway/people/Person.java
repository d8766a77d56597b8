package io.borderlink.gateway.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A person who uses the console or the officer and auditor APIs, as their file under
 * {@code config/people/} says.
 *
 * @param agency the agency the person belongs to, if any: an officer never approves a share that
 *     agency originated
 * @param certificates the client certificates the person signs in with; bound by fingerprint
 */
public record Person(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9.-]*") String id,
        @NotBlank String name,
        @NotNull Role role,
        String agency,
        @DefaultValue List<Path> certificates) {

    public Person {
        certificates = List.copyOf(certificates);
    }
}
