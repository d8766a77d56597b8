package io.borderlink.gateway.agency;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.util.List;

/**
 * A national agency system, as its YAML file under {@code config/agencies/} describes it.
 *
 * @param id the originator id its exchanges carry (e.g. {@code MN-CUSTOMS})
 * @param certificates the certificates it signs and authenticates with; a signer or TLS client is
 *     bound to the agency by the full certificate (its SHA-256 fingerprint), never by its name
 */
public record Agency(
        @NotBlank @Pattern(regexp = "[A-Z]{2}-[A-Z0-9]+(-[A-Z0-9]+)*") String id,
        @NotBlank String name,
        @NotEmpty List<Path> certificates) {

    public Agency {
        certificates = List.copyOf(certificates);
    }
}
