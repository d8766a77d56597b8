package io.borderlink.gateway.agency;

import io.borderlink.adapters.format.PartnerFormat;
import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Classification;
import io.borderlink.contracts.exchange.HandlingCode;
import io.borderlink.crypto.KeyTransport;
import io.borderlink.gateway.partner.DeliverySettings;
import io.borderlink.gateway.partner.Transport;
import io.borderlink.gateway.policy.Decision;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether and how an agency receives partner intelligence: its endpoint, and the inbound policy — which
 * categories it takes from which partners, and which markings it is cleared for. An agency without this
 * section receives nothing.
 *
 * @param format a format for agencies: {@code AGENCY_REST} (an application/xml POST) or
 *     {@code AGENCY_SOAP} (contracts/wsdl/agency-inbound.wsdl)
 * @param certificate what the gateway encrypts to; by default the agency's first certificate
 * @param endpoint where an HTTP transport posts; not used by a file drop
 * @param trustAnchor the root CA the agency's TLS server must chain to
 * @param classificationCeiling the most sensitive classification the agency is cleared to receive; required,
 *     so that no agency file clears its agency for more than it says
 * @param handling what each handling code leads to for this agency, RELEASE or DENY (there is no officer's
 *     approval on the way in); RELEASE when not named. Whatever this says, an H2 or H3 exchange that names
 *     addressees goes to them only (InboundPolicy)
 * @param transport online over HTTP (the default), or signed, encrypted files in folders for an agency network
 *     without an online link (docs/air-gap.md); its signed receipt files come back through the import folder
 */
public record AgencyInbound(
        @NotNull PartnerFormat format,
        URI endpoint,
        Path certificate,
        @NotNull Path trustAnchor,
        @DefaultValue("RSA_OAEP") KeyTransport keyTransport,
        @Valid @NotEmpty List<Receives> receives,
        @NotNull Classification classificationCeiling,
        @DefaultValue Map<HandlingCode, Decision> handling,
        @Valid @DefaultValue DeliverySettings delivery,
        @Valid @DefaultValue Transport transport) {

    public AgencyInbound {
        receives = List.copyOf(receives);
        handling = Map.copyOf(handling);
    }

    /** One inbound rule: these categories, from these partners. */
    public record Receives(@NotEmpty List<String> from, @NotEmpty Set<Category> categories) {

        public Receives {
            from = List.copyOf(from);
            categories = Set.copyOf(categories);
        }
    }

    @AssertTrue(message = "an endpoint is required unless the transport is a file drop")
    public boolean isReachable() {
        return endpoint != null || transport == null || transport.fileDrop();
    }

    @AssertTrue(message = "format must be one for agencies, such as AGENCY_REST or AGENCY_SOAP")
    public boolean isAgencyFormat() {
        return format == null || format.audience() == PartnerFormat.Audience.AGENCY;
    }

    @AssertTrue(message = "handling may only RELEASE or DENY: nothing that flows in waits for an officer")
    public boolean isHandlingReleaseOrDeny() {
        return handling == null || !handling.containsValue(Decision.HOLD);
    }

    /** What a handling code leads to for this agency: RELEASE unless its file says DENY. */
    public Decision handlingOf(HandlingCode code) {
        return handling.getOrDefault(code, Decision.RELEASE);
    }

    /** The first rule that lets this agency receive the category from the partner, if any. */
    public Optional<Receives> rule(String partnerId, Category category) {
        return receives.stream()
                .filter(r -> r.from().contains(partnerId) && r.categories().contains(category))
                .findFirst();
    }
}
