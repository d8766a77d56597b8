package io.borderlink.gateway.retention;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long evidence is kept (docs/receipts-and-retention.md).
 *
 * @param enabled whether the leader purges at all; off, nothing is ever destroyed
 * @param checkInterval how often the leader looks for exchanges whose retention has run out
 * @param batchSize how many exchanges one run purges at most, each in its own transaction
 * @param upcoming how far ahead the auditors' page lists purges to come
 * @param rules the retention rules in order: an exchange is kept as the first rule that matches it says; an
 *     exchange no rule matches is kept for ever. List the longer obligations first.
 */
@Validated
@ConfigurationProperties("borderlink.retention")
public record RetentionSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1h") Duration checkInterval,
        @DefaultValue("100") @Min(1) int batchSize,
        @DefaultValue("30d") Duration upcoming,
        @Valid @DefaultValue List<Rule> rules) {

    /**
     * @param id named in the PURGED audit event and in evidence bundles ({@code liaison-shares})
     * @param when which exchanges it covers; empty, every exchange
     * @param keep how long after the clock starts the evidence is kept
     * @param startsWith the purpose of a later exchange of the same correlation that starts the clock (for
     *     INTERPOL notices, {@code INTERPOL_NOTICE_WITHDRAWN}: "until withdrawn plus 6 months"); while no
     *     such exchange arrived the evidence is kept; empty, the clock starts when the exchange was received
     */
    public record Rule(
            @NotBlank String id, @Valid @DefaultValue Match when, @NotNull Duration keep, String startsWith) {}

    /**
     * Every condition given must hold.
     *
     * @param partners the exchange came from, or was routed to, one of these partners (partner agreements)
     * @param purposes its purpose code is one of these
     * @param categories its category is one of these
     * @param direction {@code OUTBOUND} (from our agencies) or {@code INBOUND} (from partners)
     * @param released false: nothing of it was ever delivered (refused or denied submissions); true: something was
     */
    public record Match(
            @DefaultValue List<String> partners,
            @DefaultValue List<String> purposes,
            @DefaultValue List<String> categories,
            String direction,
            Boolean released) {}
}
