package io.borderlink.gateway.agency;

import io.borderlink.contracts.exchange.Category;
import io.borderlink.gateway.partner.PolicyCase;
import io.borderlink.gateway.policy.Decision;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One test case of an agency's inbound section, as a file under {@code config/agencies/<agency>/cases/}: a
 * sample exchange as a partner would send it, optionally with other markings and addressees, and the decision
 * expected for the agency.
 *
 * @param from the partner that sends it
 * @param sample the category whose sample (contracts/samples) is the input, with the partner as originator
 * @param markings markings in place of the sample's, where given
 * @param addressees the agencies the exchange names; none by default, as the liaison and customs formats name none
 */
public record InboundCase(
        @NotBlank String description,
        @NotBlank String from,
        @NotNull Category sample,
        @Valid @DefaultValue PolicyCase.Markings markings,
        @DefaultValue List<String> addressees,
        @Valid @NotNull Expect expect) {

    public InboundCase {
        addressees = List.copyOf(addressees);
    }

    /** @param rule the rule that decided: the denying rule, or {@code inbound-receives[i]} for a release */
    public record Expect(@NotNull Decision decision, String rule) {}
}
