package io.borderlink.gateway.agency;

import io.borderlink.gateway.partner.Direction;
import io.borderlink.gateway.partner.Receipts;
import io.borderlink.gateway.partner.Recipient;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A national agency system, as its YAML file under {@code config/agencies/} describes it.
 *
 * @param id the originator id its exchanges carry (e.g. {@code MN-CUSTOMS})
 * @param certificates the certificates it signs and authenticates with; a signer or TLS client is
 *     bound to the agency by the full certificate (its SHA-256 fingerprint), never by its name
 * @param inbound how it receives partner intelligence; absent when it receives none
 */
public record Agency(
        @NotBlank @Pattern(regexp = "[A-Z]{2}-[A-Z0-9]+(-[A-Z0-9]+)*") String id,
        @NotBlank String name,
        @NotEmpty List<Path> certificates,
        @Valid AgencyInbound inbound) {

    public Agency {
        certificates = List.copyOf(certificates);
    }

    /** The agency as a delivery recipient of inbound shares, when it receives any. */
    public Optional<Recipient> recipient() {
        return Optional.ofNullable(inbound)
                .map(in -> new Recipient(
                        id,
                        Direction.INBOUND,
                        in.format(),
                        in.endpoint(),
                        in.certificate() != null ? in.certificate() : certificates.get(0),
                        in.trustAnchor(),
                        in.keyTransport(),
                        in.delivery(),
                        // Agency systems answer with a plain acknowledgement (their format defines no receipt).
                        Receipts.OPTIONAL,
                        in.transport(),
                        null));
    }
}
