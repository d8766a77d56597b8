package io.borderlink.gateway.policy;

import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Classification;
import io.borderlink.contracts.exchange.HandlingCode;
import io.borderlink.contracts.exchange.SourceReliability;
import io.borderlink.contracts.exchange.Tlp;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one partner may receive, as the {@code policy:} section of its YAML file says. Anything the
 * policy does not allow is denied: there is no default that releases more than the file names.
 *
 * @param version the author's version of this policy; decisions record it with the file's digest
 * @param categories the categories the partner takes at all
 * @param subscriptions the categories it receives when an exchange names no addressees
 * @param releasableTo the code that must be in an exchange's releasable-to list; the partner's
 *     country or organisation code when not given
 * @param handling what happens to each handling code; H2 and H3 are denied unless named here, since
 *     they may not leave without the originator's permission
 * @param minimumEvaluation the weakest source evaluation the partner may receive; none when absent
 * @param transformations how the partner view differs from the original, applied in order (source
 *     details and internal notes are always removed for a foreign partner, whatever this says)
 * @param narrative what happens to the free text, which no transformation can reword: required, since
 *     a narrative can give back whatever the transformations removed
 * @param approvals which exchanges a liaison officer (or two) must approve before they leave
 * @param rateLimit exchanges per hour across the cluster; none when absent
 */
public record Policy(
        @NotBlank String version,
        @NotEmpty Set<Category> categories,
        @DefaultValue Set<Category> subscriptions,
        @Valid @DefaultValue PurposeRule purpose,
        @Valid @NotNull Ceilings ceilings,
        String releasableTo,
        @DefaultValue Map<HandlingCode, Decision> handling,
        @Valid MinimumEvaluation minimumEvaluation,
        @Valid @DefaultValue List<Transformation> transformations,
        NarrativeRule narrative,
        @Valid @DefaultValue List<ApprovalRule> approvals,
        @Valid RateLimit rateLimit) {

    public Policy {
        categories = Set.copyOf(categories);
        subscriptions = Set.copyOf(subscriptions);
        handling = Map.copyOf(handling);
        transformations = List.copyOf(transformations);
        approvals = List.copyOf(approvals);
    }

    /** What a handling code leads to: H0 and H1 are released, H2 and H3 denied unless the policy says otherwise. */
    Decision handlingOf(HandlingCode code) {
        Decision fallback = code == HandlingCode.H0 || code == HandlingCode.H1 ? Decision.RELEASE : Decision.DENY;
        return handling.getOrDefault(code, fallback);
    }

    /** What a partner view's narrative is; every text that leaves is leak-checked first. */
    public enum NarrativeRule {
        /** The tearline meant for the partner, or no narrative at all. */
        TEARLINE_ONLY,
        /** Neither the narrative nor any tearline ever leaves for this partner. */
        DROP,
        /**
         * The tearline meant for the partner; without one, the narrative as written, held until an officer
         * who saw it beside what the transformations removed approves it (or edits it).
         */
        HOLD_FOR_REVIEW,
        /** The narrative as written, tearlines aside; allowed only in a policy without transformations. */
        AS_IS
    }

    /**
     * @param required the exchange must state a purpose code
     * @param allowed when not empty, the purpose codes the partner accepts
     */
    public record PurposeRule(@DefaultValue("false") boolean required, @DefaultValue Set<String> allowed) {
        public PurposeRule {
            allowed = Set.copyOf(allowed);
        }
    }

    /** The most sensitive classification and TLP label the partner may receive. */
    public record Ceilings(@NotNull Classification classification, @NotNull Tlp tlp) {}

    /**
     * @param reliability the least reliable source accepted (A is best, X cannot be assessed and is worst)
     * @param accuracy the least accurate information accepted (1 is best, 4 worst)
     */
    public record MinimumEvaluation(@NotNull SourceReliability reliability, @Min(1) @Max(4) int accuracy) {}

    /**
     * One change to the partner view.
     *
     * @param field what it applies to, one of {@link Transformations#FIELDS}
     * @param grid for {@code GENERALISE} of coordinates: the grid size in degrees
     */
    public record Transformation(@NotBlank String field, @NotNull Action action, BigDecimal grid) {

        public enum Action {
            DROP,
            MASK,
            GENERALISE
        }
    }

    /**
     * An approval requirement: when every condition given holds, the share is held until {@code approvers}
     * distinct liaison officers approved it (two is four-eyes).
     */
    public record ApprovalRule(@NotBlank String id, @Valid @NotNull Condition when, @Min(1) @Max(2) int approvers) {

        /** All given conditions must hold; at least one must be given. */
        public record Condition(
                Classification classificationAtLeast,
                @DefaultValue Set<Category> categories,
                @DefaultValue Set<HandlingCode> handlingCodes) {}
    }

    /**
     * @param perHour how many exchanges the partner may receive per clock hour, counted across the cluster
     * @param whenExceeded HOLD (an officer decides) or DENY
     */
    public record RateLimit(@Min(1) int perHour, @DefaultValue("HOLD") Decision whenExceeded) {}
}
