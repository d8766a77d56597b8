package io.borderlink.gateway.production;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Nothing defaults to development material, so the gateway is started with a profile that says where its
 * material is: {@code dev} (certs-dev/, config/, H2 under ./data) or {@code prod}. Without one it stops at
 * once and says so, instead of failing later on the first setting it misses.
 */
class ProfileRequired implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getActiveProfiles().length == 0) {
            throw new IllegalStateException("no profile: start the gateway with --spring.profiles.active=dev (the"
                    + " development gateway of the README: certs-dev/, config/, H2 under ./data) or"
                    + " --spring.profiles.active=prod (docs/production.md)");
        }
    }
}
