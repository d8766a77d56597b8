package io.borderlink.gateway.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the configuration that is data lives: one YAML file per partner and per agency, versioned
 * with the deployment.
 */
@ConfigurationProperties("borderlink.config")
record DirectorySettings(
        @DefaultValue("config/partners") Path partners, @DefaultValue("config/agencies") Path agencies) {}
