package io.borderlink.gateway.partner;

import io.borderlink.adapters.format.PartnerFormat;
import io.borderlink.contracts.exchange.Category;
import io.borderlink.crypto.KeyTransport;
import io.borderlink.gateway.policy.Policy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One foreign partner, exactly as its YAML file under {@code config/partners/} describes it. Adding a
 * partner is adding a file.
 *
 * @param id the partner id used in addressees, decisions and audit (e.g. {@code RU-LIAISON})
 * @param country the ISO 3166-1 alpha-3 country or organisation code it belongs to
 * @param format the wire format its endpoint speaks, one of those registered (written by its id)
 * @param endpoint where deliveries go, HTTPS with mutual TLS; not used by a file drop
 * @param certificate the partner's own certificate: what we encrypt to
 * @param trustAnchor the partner's own root CA: what its TLS server and signatures must chain to
 * @param keyTransport which RSA-OAEP variant its stack reads
 * @param policy what it may receive and in what shape
 * @param inbound that, and how, it sends to us; absent for a partner that only receives
 * @param receipts whether a delivery counts only with the partner's signed receipt, as its format defines it
 * @param transport how shares reach it (and, for a file drop, how its files come in); online over HTTP when absent
 * @param labels that its shares carry a confidentiality label, under which policy; absent when they do not
 */
public record Partner(
        @NotBlank @Pattern(regexp = "[A-Z]{2,}(-[A-Z0-9]+)+") String id,
        @NotBlank String name,
        @NotBlank String country,
        @NotNull PartnerFormat format,
        URI endpoint,
        @NotNull Path certificate,
        @NotNull Path trustAnchor,
        @DefaultValue("RSA_OAEP") KeyTransport keyTransport,
        @Valid @NotNull Policy policy,
        @Valid @DefaultValue DeliverySettings delivery,
        @Valid PartnerInbound inbound,
        @DefaultValue("REQUIRED") Receipts receipts,
        @Valid @DefaultValue Transport transport,
        @Valid PartnerLabels labels) {

    public Recipient recipient() {
        return new Recipient(
                id,
                Direction.OUTBOUND,
                format,
                endpoint,
                certificate,
                trustAnchor,
                keyTransport,
                delivery,
                receipts,
                transport,
                labels);
    }

    @AssertTrue(message = "an endpoint is required unless the transport is a file drop")
    public boolean isReachable() {
        return endpoint != null || transport == null || transport.fileDrop();
    }

    /** Whether the partner receives this category when an exchange names no addressees. */
    public boolean subscribesTo(Category category) {
        return policy.subscriptions().contains(category);
    }
}
