package io.borderlink.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the configuration that is data lives: one YAML file per partner, per agency and per person,
 * versioned with the deployment.
 *
 * @param labelPolicies one file per security policy that confidentiality labels are written under
 *     (docs/labels.md), reloaded with the partner files that name them
 * @param watchInterval how often every node looks for changed partner files, policy cases and label policies
 */
@ConfigurationProperties("borderlink.config")
public record DirectorySettings(
        @DefaultValue("config/partners") Path partners,
        @DefaultValue("config/agencies") Path agencies,
        @DefaultValue("config/people") Path people,
        @DefaultValue("config/label-policies") Path labelPolicies,
        @DefaultValue("2s") Duration watchInterval) {}
