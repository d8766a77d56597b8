package io.borderlink.gateway.partner;

import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Classification;
import io.borderlink.contracts.exchange.HandlingCode;
import io.borderlink.contracts.exchange.SourceReliability;
import io.borderlink.contracts.exchange.Tlp;
import io.borderlink.gateway.policy.Decision;
import io.borderlink.gateway.policy.LeakKind;
import io.borderlink.gateway.policy.NarrativeOutcome;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One test case of a partner's policy, as a file under {@code config/partners/<partner>/cases/}: a
 * sample exchange, optionally with other markings, and the decision and partner view expected for it.
 *
 * @param sample the category whose sample (contracts/samples) is the input
 * @param addressed whether the exchange names the partner; by default, whether the sample does
 * @param narrative a text in place of the sample's narrative (in its language); the sample's when absent
 * @param tearlines tearlines in place of the sample's; the sample's when absent, none when empty
 */
public record PolicyCase(
        @NotBlank String description,
        @NotNull Category sample,
        @Valid @DefaultValue Markings markings,
        Boolean addressed,
        String narrative,
        @Valid List<CaseTearline> tearlines,
        @Valid @NotNull Expect expect) {

    /**
     * A tearline of the case's exchange; {@code releasable-to} holds country or organisation codes,
     * {@code partners} partner ids.
     */
    public record CaseTearline(
            @DefaultValue("T1") String id,
            @DefaultValue List<String> partners,
            @DefaultValue List<String> releasableTo,
            @DefaultValue("UNCLASSIFIED") Classification classification,
            @DefaultValue("GREEN") Tlp tlp,
            @DefaultValue("en") String lang,
            @NotBlank String text) {}

    /** Markings that replace the sample's where given (an agency's inbound cases use them too). */
    public record Markings(
            Classification classification,
            Tlp tlp,
            List<String> releasableTo,
            HandlingCode handlingCode,
            String handlingConditions,
            SourceReliability sourceReliability,
            Integer informationAccuracy) {

        /** The given markings with these in place of theirs, where given; the foreign marking stays. */
        public io.borderlink.contracts.exchange.Markings over(io.borderlink.contracts.exchange.Markings m) {
            return new io.borderlink.contracts.exchange.Markings(
                    Objects.requireNonNullElse(classification, m.classification()),
                    Objects.requireNonNullElse(tlp, m.tlp()),
                    Objects.requireNonNullElse(releasableTo, m.releasableTo()),
                    Objects.requireNonNullElse(handlingCode, m.handlingCode()),
                    handlingConditions != null ? handlingConditions : m.handlingConditions(),
                    Objects.requireNonNullElse(sourceReliability, m.sourceReliability()),
                    Objects.requireNonNullElse(informationAccuracy, m.informationAccuracy()),
                    m.foreignMarking());
        }
    }

    /**
     * @param rule the rule that decided (for DENY and HOLD) or {@code released}
     * @param viewContains text the canonical partner view must contain
     * @param viewExcludes text it must not contain
     * @param narrative where the partner view's narrative comes from: TEARLINE, AS_WRITTEN or NONE
     * @param leakHits the kinds the leak check must find, and no others (empty: none); unchecked when absent
     */
    public record Expect(
            @NotNull Decision decision,
            String rule,
            Integer approvers,
            @DefaultValue List<String> viewContains,
            @DefaultValue List<String> viewExcludes,
            NarrativeOutcome.Source narrative,
            List<LeakKind> leakHits) {}
}
