package io.borderlink.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.gateway.agency.AgencyDirectory;
import io.borderlink.gateway.audit.AuditTrail;
import io.borderlink.gateway.crypto.CertificateValidator;
import io.borderlink.gateway.crypto.Certificates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Agency systems authenticate with their TLS client certificate (mutual TLS is required by the server)
 * and reach only the intake and status APIs. Everything not named here is refused.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain agencyApis(
            HttpSecurity http,
            AgencyDirectory agencies,
            CertificateValidator agencyCertificates,
            AuditTrail audit,
            ObjectMapper json)
            throws Exception {
        AuditingAccessDenial denial = new AuditingAccessDenial(audit, json);
        // Path patterns, not MVC matchers: /services/** is served by the CXF servlet, not by Spring MVC.
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return http.securityMatcher(new OrRequestMatcher(
                        paths.matcher("/api/v1/exchanges"),
                        paths.matcher("/api/v1/exchanges/**"),
                        paths.matcher("/api/v1/policy/**"),
                        paths.matcher("/services/**")))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole("AGENCY"))
                .x509(x509 -> x509.x509PrincipalExtractor(Certificates::fingerprint)
                        .authenticationUserDetailsService(new AgencyAuthentication(agencies, agencyCertificates)))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(denial).accessDeniedHandler(denial))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain operations(HttpSecurity http, AuditTrail audit, ObjectMapper json) throws Exception {
        AuditingAccessDenial denial = new AuditingAccessDenial(audit, json);
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health",
                                "/actuator/health/**",
                                "/actuator/info",
                                "/actuator/prometheus",
                                "/error",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html",
                                "/contracts/**")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(denial).accessDeniedHandler(denial))
                .build();
    }
}
