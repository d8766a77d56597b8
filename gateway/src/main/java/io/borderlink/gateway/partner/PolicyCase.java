package io.borderlink.gateway.partner;

import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Classification;
import io.borderlink.contracts.exchange.HandlingCode;
import io.borderlink.contracts.exchange.SourceReliability;
import io.borderlink.contracts.exchange.Tlp;
import io.borderlink.gateway.policy.Decision;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One test case of a partner's policy, as a file under {@code config/partners/<partner>/cases/}: a
 * sample exchange, optionally with other markings, and the decision and partner view expected for it.
 *
 * @param sample the category whose sample (contracts/samples) is the input
 * @param addressed whether the exchange names the partner; by default, whether the sample does
 */
public record PolicyCase(
        @NotBlank String description,
        @NotNull Category sample,
        @Valid @DefaultValue Markings markings,
        Boolean addressed,
        @Valid @NotNull Expect expect) {

    /** Markings that replace the sample's where given. */
    public record Markings(
            Classification classification,
            Tlp tlp,
            List<String> releasableTo,
            HandlingCode handlingCode,
            String handlingConditions,
            SourceReliability sourceReliability,
            Integer informationAccuracy) {}

    /**
     * @param rule the rule that decided (for DENY and HOLD) or {@code released}
     * @param viewContains text the canonical partner view must contain
     * @param viewExcludes text it must not contain
     */
    public record Expect(
            @NotNull Decision decision,
            String rule,
            Integer approvers,
            @DefaultValue List<String> viewContains,
            @DefaultValue List<String> viewExcludes) {}
}
