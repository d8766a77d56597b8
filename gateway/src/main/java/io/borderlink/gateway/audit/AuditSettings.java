package io.borderlink.gateway.audit;

import jakarta.validation.constraints.Min;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The tamper-evident trail. The {@code audit.sequence}, {@code audit.anchor} and {@code audit.refusal-floods}
 * routes read their intervals through Camel property placeholders; they are declared here so that they are typed and
 * documented.
 *
 * @param sequenceInterval how often every node chains what was recorded since; an event is durable the
 *     moment its transaction commits, and chained within about this long
 * @param batchSize events chained per sequencer transaction; a backlog is worked off batch after batch
 * @param checkpointEvery sign the head after this many new entries at the latest
 * @param checkpointInterval and after this long when there are new entries at all: what the chain can
 *     prove stops at the last checkpoint, so this bounds what could be cut off its end unnoticed
 * @param tsaUrl an RFC 3161 time-stamping authority that anchors checkpoints outside the gateway, so that
 *     nobody with the gateway's key can later sign another history with an earlier date; off when unset
 * @param tsaCertificate the TSA's signing certificate, or the CA that issues it (PEM): its tokens are
 *     checked against it, never against whatever certificate they carry
 * @param tsaTimeout how long a time-stamp request may take
 * @param anchorInterval how often the newest checkpoint is sent to the TSA if it has no token yet
 * @param refusalWindow identical refusals (same step, caller, code and detail) within this long of the first are
 *     counted rather than each audited, and the count is audited once the window closes: a script hammering
 *     an endpoint leaves two events instead of thousands (also how often the {@code audit.refusal-floods}
 *     route flushes the counts)
 * @param exportMaxEvents the most events one evidence bundle holds: a range holding more is refused, to be exported
 *     in shorter ones, so that one request cannot fill the disk with a bundle or hold a thread for hours
 */
@Validated
@ConfigurationProperties("borderlink.audit")
public record AuditSettings(
        @DefaultValue("500ms") Duration sequenceInterval,
        @DefaultValue("5000") @Min(1) int batchSize,
        @DefaultValue("10000") @Min(1) int checkpointEvery,
        @DefaultValue("60s") Duration checkpointInterval,
        URI tsaUrl,
        Path tsaCertificate,
        @DefaultValue("10s") Duration tsaTimeout,
        @DefaultValue("60s") Duration anchorInterval,
        @DefaultValue("10s") Duration refusalWindow,
        @DefaultValue("1000000") @Min(1) int exportMaxEvents) {

    public AuditSettings {
        if (tsaUrl != null && tsaCertificate == null) {
            throw new IllegalArgumentException(
                    "borderlink.audit.tsa-url needs borderlink.audit.tsa-certificate to check the tokens against");
        }
    }
}
