package io.borderlink.gateway.partner;

import io.borderlink.gateway.policy.LabelRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * That a partner takes confidentiality labels (docs/labels.md): its shares carry a label under {@code policy},
 * computed from the partner view's markings, bound to the payload and signed by the gateway.
 *
 * @param policy a label policy of config/label-policies, by id
 * @param rules release rules on the label the partner would receive, decided with the rest of its policy
 */
public record PartnerLabels(@NotBlank String policy, @Valid @DefaultValue List<LabelRule> rules) {

    public PartnerLabels {
        rules = List.copyOf(rules);
    }
}
