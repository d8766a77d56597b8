package io.borderlink.gateway.security;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How people sign in to the console.
 *
 * @param formLogin allow a user name and password for local use; always off under the prod profile,
 *     where people present their client certificates
 * @param localUsers for the form login: person id → password ({@code {bcrypt}…} or, in development
 *     only, {@code {noop}…}); the role and agency come from the person's file in config/people
 */
@ConfigurationProperties("borderlink.console")
public record ConsoleSettings(@DefaultValue("false") boolean formLogin, @DefaultValue Map<String, String> localUsers) {}
