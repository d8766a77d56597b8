package io.borderlink.gateway.submission;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what agencies may submit.
 *
 * @param maxAge how old an exchange's {@code CreatedAt} may be when it arrives; older ones are stale
 * @param maxClockSkew how far in the future {@code CreatedAt} may lie, for clocks that run fast
 * @param maxDocumentSize the largest protected document accepted, checked before parsing
 * @param concurrency how many submissions and partner messages are processed at once, the others waiting in
 *     arrival order; 0 (the default) means twice the cores. Intake is CPU work, so beyond the cores it only adds
 *     latency, and without a bound a flood of submissions starves the delivery workers (benchmarks/README.md)
 * @param admissionWait how long a submission or partner message waits for its turn before it is refused with
 *     {@code INTAKE_BUSY} (503, nothing stored): a node that far behind frees its caller and the server thread
 * @param maxPerCaller how many submissions one client certificate may have in process and waiting together; the
 *     next is refused at once with {@code INTAKE_BUSY}, so that one caller's flood delays the others by at most
 *     that many turns
 */
@Validated
@ConfigurationProperties("borderlink.intake")
public record SubmissionSettings(
        @DefaultValue("5m") Duration maxAge,
        @DefaultValue("1m") Duration maxClockSkew,
        @DefaultValue("1MB") DataSize maxDocumentSize,
        @DefaultValue("0") @Min(0) int concurrency,
        @DefaultValue("10s") Duration admissionWait,
        @DefaultValue("32") @Min(1) int maxPerCaller) {

    /** {@link #concurrency}, or twice the cores this node runs on. */
    public int concurrencyOrDefault() {
        return concurrency > 0 ? concurrency : 2 * Runtime.getRuntime().availableProcessors();
    }

    /** Refuses a document over {@link #maxDocumentSize}, before anything parses it. */
    public void requireSize(byte[] document) {
        if (document.length > maxDocumentSize.toBytes()) {
            throw new GatewayException(
                    ErrorCode.MESSAGE_TOO_LARGE,
                    "document of " + document.length + " bytes exceeds " + maxDocumentSize);
        }
    }

    /**
     * Refuses a {@code CreatedAt} older than {@code maxAge} (ours for agencies, the partner's own for partners)
     * or further ahead than {@link #maxClockSkew}.
     */
    public void requireFresh(Instant createdAt, Instant now, Duration maxAge) {
        if (createdAt.isBefore(now.minus(maxAge))) {
            throw new GatewayException(ErrorCode.EXCHANGE_STALE, "created at " + createdAt + ", older than " + maxAge);
        }
        if (createdAt.isAfter(now.plus(maxClockSkew))) {
            throw new GatewayException(
                    ErrorCode.EXCHANGE_FROM_FUTURE,
                    "created at " + createdAt + ", more than " + maxClockSkew + " ahead");
        }
    }
}
