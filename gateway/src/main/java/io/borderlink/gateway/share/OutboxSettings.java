package io.borderlink.gateway.share;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The durable outbox every node works from. The delivery route reads the last three through Camel
 * property placeholders; they are declared here so that they are typed, validated and documented.
 *
 * @param lease how long a node owns a share it is delivering; after a crash another node takes the
 *     share over once this has passed, so it must exceed the longest partner timeout
 * @param batchSize how many due shares one sweep hands to the workers at most
 * @param sweepInterval how often every node looks for due shares: retries and crashed nodes' work
 * @param concurrency delivery workers per node; a worker spends part of an attempt waiting for the partner,
 *     so they outnumber the intake's (twice the cores): with as few workers as intake threads, a node under
 *     load accepted several times what it delivered (benchmarks/README.md); each worker also needs a
 *     database connection to claim and record, so raising this means raising
 *     {@code spring.datasource.hikari.maximum-pool-size} (16) with it, or intake and workers starve each other
 * @param queueSize shares waiting in memory for a worker; beyond it a share just accepted gives up the lease it
 *     was opened with (see {@code Shares.open}) and waits for the next sweep
 * @param drainTimeout how long a stopping node waits for its deliveries under way before it releases
 *     their leases to the other nodes; within the shutdown phase timeout
 */
@Validated
@ConfigurationProperties("borderlink.delivery")
public record OutboxSettings(
        @DefaultValue("2m") Duration lease,
        @DefaultValue("100") @Min(1) int batchSize,
        @DefaultValue("1s") Duration sweepInterval,
        @DefaultValue("8") @Min(1) int concurrency,
        @DefaultValue("10000") @Min(1) int queueSize,
        @DefaultValue("15s") Duration drainTimeout) {}
