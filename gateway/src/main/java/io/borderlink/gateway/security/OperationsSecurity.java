package io.borderlink.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.crypto.Certificates;
import io.borderlink.gateway.agency.Agencies;
import io.borderlink.gateway.audit.RefusalFloods;
import io.borderlink.gateway.partner.Partners;
import io.borderlink.gateway.people.People;
import io.borderlink.gateway.pki.Trust;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * What is not an API and not the console: the static assets every page needs, and what operators and
 * integrators read (health, metrics, the contracts and the API documentation).
 */
@Configuration(proxyBeanMethods = false)
class OperationsSecurity {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    /**
     * The stylesheet and icons, for everyone, the sign-in page included: a browser fetches them on its own,
     * and refusing them would only fill the audit trail with its housekeeping.
     */
    @Bean
    @Order(0)
    SecurityFilterChain assets(HttpSecurity http) throws Exception {
        return http.securityMatcher(new OrRequestMatcher(
                        PATHS.matcher("/console.css"), PATHS.matcher("/favicon.svg"), PATHS.matcher("/favicon.ico")))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .requestCache(AbstractHttpConfigurer::disable)
                .securityContext(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * Health, metrics, the contracts and the API browser; nothing else. The overall health and the liveness
     * and readiness probes answer everyone with their status alone, so that an orchestrator can act on them;
     * details are shown to administrators, auditors and monitoring systems
     * ({@code management.endpoint.health.roles}). The rest needs a registered certificate (metrics and health
     * components: ADMIN, AUDITOR or MONITOR; documentation: anyone registered) unless
     * {@code borderlink.operations.open-endpoints} opens it for development, which the prod profile never does.
     * A management port of its own ({@code management.server.port}, which prod binds to the private network
     * in plain HTTP, where no client presents a certificate) serves health and metrics to whoever reaches it:
     * reaching it is the network's decision (docs/production.md).
     */
    @Bean
    @Order(3)
    SecurityFilterChain operations(
            HttpSecurity http,
            Agencies agencies,
            Partners partners,
            People people,
            Trust trust,
            RefusalFloods refusals,
            ObjectMapper json,
            Environment environment)
            throws Exception {
        AuditingAccessDenial denial = new AuditingAccessDenial(refusals, json);
        boolean open = environment.getProperty("borderlink.operations.open-endpoints", Boolean.class, false)
                && !environment.acceptsProfiles(Profiles.of("prod"));
        OrRequestMatcher documentation = new OrRequestMatcher(
                PATHS.matcher("/v3/api-docs/**"),
                PATHS.matcher("/swagger-ui/**"),
                PATHS.matcher("/swagger-ui.html"),
                PATHS.matcher("/contracts/**"));
        int managementPort = environment.getProperty("management.server.port", Integer.class, -1);
        int serverPort = environment.getProperty("server.port", Integer.class, 8443);
        boolean ownManagementPort = managementPort > 0 && managementPort != serverPort;
        return http.authorizeHttpRequests(requests -> {
                    if (ownManagementPort) {
                        requests.requestMatchers(request -> request.getLocalPort() == managementPort
                                        && request.getRequestURI().startsWith("/actuator/"))
                                .permitAll();
                    }
                    requests.requestMatchers(
                                    PATHS.matcher("/actuator/health"),
                                    PATHS.matcher("/actuator/health/liveness"),
                                    PATHS.matcher("/actuator/health/readiness"),
                                    PATHS.matcher("/error"),
                                    PATHS.matcher("/"))
                            .permitAll();
                    if (open) {
                        requests.requestMatchers(PATHS.matcher("/actuator/**"), documentation)
                                .permitAll();
                    } else {
                        requests.requestMatchers(PATHS.matcher("/actuator/**"))
                                .hasAnyRole("ADMIN", "AUDITOR", "MONITOR")
                                // Our own callers only: the people API's documentation is not a foreign partner's to
                                // read.
                                .requestMatchers(documentation)
                                .hasAnyRole(Caller.AGENCY, "OFFICER", "AUDITOR", "ADMIN", "MONITOR");
                    }
                    requests.anyRequest().denyAll();
                })
                // Whoever presents a registered certificate is known here too, for health details and, under
                // prod, for metrics and (agencies and people) documentation; an unknown certificate is anonymous.
                .x509(x509 -> x509.x509PrincipalExtractor(Certificates::fingerprint)
                        .authenticationUserDetailsService(
                                new CertificateAuthentication(agencies, partners, people, trust, false)))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(denial).accessDeniedHandler(denial))
                .build();
    }
}
