package io.borderlink.gateway.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what agencies may submit.
 *
 * @param maxAge how old an exchange's {@code CreatedAt} may be when it arrives; older ones are stale
 * @param maxClockSkew how far in the future {@code CreatedAt} may lie, for clocks that run fast
 * @param maxDocumentSize the largest protected document accepted, checked before parsing
 */
@ConfigurationProperties("borderlink.intake")
public record IntakeSettings(
        @DefaultValue("5m") Duration maxAge,
        @DefaultValue("1m") Duration maxClockSkew,
        @DefaultValue("1MB") DataSize maxDocumentSize) {}
