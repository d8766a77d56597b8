package io.borderlink.gateway.commit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How {@link GroupCommit} shares commits.
 *
 * @param lanes transactions that may be under way at once, each committing what queued behind it: with one,
 *     every unit's statements would run one after the other, which a database a network hop away turns into
 *     the node's limit; each lane holds one database connection while it commits, so they stay well below
 *     {@code spring.datasource.hikari.maximum-pool-size} (16), which the delivery workers and reads share
 * @param maxBatch units one transaction takes at most, and how many a lane holds before the next one opens:
 *     bounds a transaction's size and how long a unit waits for the batches ahead of it
 */
@Validated
@ConfigurationProperties("borderlink.commit")
public record CommitSettings(@DefaultValue("4") @Min(1) @Max(8) int lanes, @DefaultValue("8") @Min(1) int maxBatch) {}
