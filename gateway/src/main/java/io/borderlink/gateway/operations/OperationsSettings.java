package io.borderlink.gateway.operations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the health indicators, gauges and the operator's page read from the database, and when they call
 * for attention (status {@code DEGRADED}: the node works, an operator should look).
 *
 * @param readingsFor how long one reading of the outbox, the approval queue and the audit chain is reused:
 *     probes, scrapes and page views then cost the database at most one set of queries per period
 * @param outboxDueWarning a share due this long without being delivered means the outbox is backing up
 *     (the recipient is failing, or the workers cannot keep up)
 * @param approvalWarning a share held this long for officers is at risk of expiring (tasks expire after
 *     {@code borderlink.approvals.expire-after})
 * @param auditLagWarning an event waiting this long to be chained means the sequencer has stopped (a damaged
 *     chain stops it on purpose)
 * @param checkpointWarning entries left unsigned this long are not provable yet; well above
 *     {@code borderlink.audit.checkpoint-interval}
 * @param anchorWarning with a time-stamping authority configured, no anchor for this long means it is
 *     unreachable; well above {@code borderlink.audit.anchor-interval}
 * @param openEndpoints metrics, health components and the API documentation for anyone, without a
 *     certificate: convenient in development (application.yml turns it on); ignored under the prod profile,
 *     where they always need a registered certificate
 */
@Validated
@ConfigurationProperties("borderlink.operations")
public record OperationsSettings(
        @DefaultValue("5s") Duration readingsFor,
        @DefaultValue("15m") Duration outboxDueWarning,
        @DefaultValue("24h") Duration approvalWarning,
        @DefaultValue("2m") Duration auditLagWarning,
        @DefaultValue("10m") Duration checkpointWarning,
        @DefaultValue("2h") Duration anchorWarning,
        @DefaultValue("false") boolean openEndpoints) {}
