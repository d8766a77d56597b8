package io.borderlink.gateway.config;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the configuration that is data lives: one YAML file per partner, per agency and per person,
 * versioned with the deployment. No defaults: the development profile points at the demo files in
 * {@code config/}, production at its own.
 *
 * @param labelPolicies one file per security policy that confidentiality labels are written under
 *     (docs/labels.md), reloaded with the partner files that name them
 * @param watchInterval how often every node looks for changed partner, agency and people files, their cases, the certificates
 *     they register, and label policies
 */
@Validated
@ConfigurationProperties("borderlink.config")
public record DirectorySettings(
        @NotNull Path partners,
        @NotNull Path agencies,
        @NotNull Path people,
        @NotNull Path labelPolicies,
        @DefaultValue("2s") Duration watchInterval) {}
