package io.borderlink.gateway;

import io.borderlink.gateway.cli.BorderlinkCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

// No generated default user: every caller is identified by its client certificate.
@SpringBootApplication(
        scanBasePackages = {"io.borderlink.gateway", "io.borderlink.routes"},
        exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class BorderlinkApplication {

    /** {@code java -jar borderlink-gateway.jar} runs the gateway; {@code ... verify ...} the offline verifier. */
    public static void main(String[] args) {
        if (args.length > 0 && BorderlinkCommand.COMMANDS.contains(args[0])) {
            System.exit(BorderlinkCommand.run(args));
        }
        SpringApplication.run(BorderlinkApplication.class, args);
    }
}
