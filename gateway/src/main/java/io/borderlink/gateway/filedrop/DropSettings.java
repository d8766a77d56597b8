package io.borderlink.gateway.filedrop;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The file-drop transport (docs/air-gap.md). The routes read the intervals through Camel property
 * placeholders; they are declared here so that they are typed, validated and documented.
 *
 * @param importEnabled whether the leader imports what arrives in the import folders; tests turn it on only
 *     where they watch folders of their own
 * @param importInterval how often the leader looks into every import folder
 * @param manifestInterval how often the leader writes a signed manifest for each recipient with files written
 *     since the last one: the longest a batch stays open
 * @param batchSize how many files one look imports at most; the rest wait for the next
 */
@Validated
@ConfigurationProperties("borderlink.file-drop")
public record DropSettings(
        @DefaultValue("true") boolean importEnabled,
        @DefaultValue("2s") Duration importInterval,
        @DefaultValue("10s") Duration manifestInterval,
        @DefaultValue("100") @Min(1) int batchSize) {}
