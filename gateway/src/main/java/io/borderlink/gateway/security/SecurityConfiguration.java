package io.borderlink.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.crypto.Certificates;
import io.borderlink.gateway.agency.Agencies;
import io.borderlink.gateway.audit.RefusalFloods;
import io.borderlink.gateway.partner.Partners;
import io.borderlink.gateway.people.People;
import io.borderlink.gateway.pki.Trust;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.preauth.x509.X509AuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may do what, enforced on the server. Agency systems, officers, auditors and administrators are
 * identified by their client certificates (the TLS layer asks every client for one), validated against the
 * revocation data in force on every request (a console session included); a form login with users from
 * configuration exists under the development profile only. Roles are
 * separate: an administrator cannot approve, an auditor changes nothing, an agency system reaches only
 * the intake, the dry run and its own exchanges. Every refusal is audited. Static assets, health, metrics and
 * the API documentation are {@link OperationsSecurity}'s.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    /** Under prod, what is wrong with the configuration is reported, all of it, before anything listens. */
    private static final String PRODUCTION_CHECK = "productionReadiness";

    /** Machine and API callers: stateless, client certificate only. */
    @Bean
    @Order(1)
    @DependsOn(PRODUCTION_CHECK)
    SecurityFilterChain apis(
            HttpSecurity http,
            Agencies agencies,
            Partners partners,
            People people,
            Trust trust,
            RefusalFloods refusals,
            ObjectMapper json)
            throws Exception {
        AuditingAccessDenial denial = new AuditingAccessDenial(refusals, json);
        // Path patterns, not MVC matchers: /services/** is served by the CXF servlet, not by Spring MVC.
        return http.securityMatcher(new OrRequestMatcher(
                        PATHS.matcher("/api/**"), PATHS.matcher("/services/**"), PATHS.matcher("/partners/**")))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                PATHS.matcher("/api/v1/exchanges"),
                                PATHS.matcher("/api/v1/exchanges/**"),
                                PATHS.matcher("/services/exchange"))
                        .hasRole(Caller.AGENCY)
                        .requestMatchers(PATHS.matcher("/services/liaison"), PATHS.matcher("/partners/**"))
                        .hasRole(Caller.PARTNER)
                        .requestMatchers(
                                PATHS.matcher("/api/v1/policy/dry-run"),
                                PATHS.matcher("/api/v1/policy/dry-run/inbound"))
                        .hasAnyRole(Caller.AGENCY, "OFFICER")
                        .requestMatchers(PATHS.matcher(HttpMethod.GET, "/api/v1/approvals/**"))
                        .hasAnyRole("OFFICER", "AUDITOR")
                        .requestMatchers(PATHS.matcher(HttpMethod.POST, "/api/v1/approvals/*/*"))
                        .hasRole("OFFICER")
                        // Verifying and exporting change nothing but add their own audit events; legal holds only keep
                        // evidence longer.
                        .requestMatchers(
                                PATHS.matcher(HttpMethod.GET, "/api/v1/audit/**"),
                                PATHS.matcher(HttpMethod.POST, "/api/v1/audit/verify"),
                                PATHS.matcher(HttpMethod.POST, "/api/v1/audit/exports"),
                                PATHS.matcher(HttpMethod.POST, "/api/v1/audit/holds"),
                                PATHS.matcher(HttpMethod.POST, "/api/v1/audit/holds/*/release"))
                        .hasRole("AUDITOR")
                        .requestMatchers(
                                PATHS.matcher("/api/v1/dead-letters"), PATHS.matcher("/api/v1/dead-letters/**"))
                        .hasRole("ADMIN")
                        .anyRequest()
                        .denyAll())
                .x509(x509 -> x509.x509PrincipalExtractor(Certificates::fingerprint)
                        .authenticationUserDetailsService(
                                new CertificateAuthentication(agencies, partners, people, trust, false)))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(denial).accessDeniedHandler(denial))
                .build();
    }

    /** The console: people only, a session, CSRF protection on every form. */
    @Bean
    @Order(2)
    @DependsOn(PRODUCTION_CHECK)
    SecurityFilterChain console(
            HttpSecurity http,
            Agencies agencies,
            Partners partners,
            People people,
            Trust trust,
            ConsoleSettings settings,
            RefusalFloods refusals,
            ObjectMapper json,
            Environment environment)
            throws Exception {
        if (settings.formLogin() && !environment.acceptsProfiles(Profiles.of("dev"))) {
            throw new IllegalStateException(
                    "refusing to start: borderlink.console.form-login is for development only (the dev profile)");
        }
        AuditingAccessDenial denial = new AuditingAccessDenial(refusals, json);
        http.securityMatcher(new OrRequestMatcher(
                        PATHS.matcher("/console"),
                        PATHS.matcher("/console/**"),
                        PATHS.matcher("/login"),
                        PATHS.matcher("/logout")))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                PATHS.matcher(HttpMethod.POST, "/console/approvals/*/approve"),
                                PATHS.matcher(HttpMethod.POST, "/console/approvals/*/reject"),
                                PATHS.matcher(HttpMethod.POST, "/console/approvals/*/narrative"))
                        .hasRole("OFFICER")
                        .requestMatchers(
                                PATHS.matcher(HttpMethod.GET, "/console/audit"),
                                PATHS.matcher(HttpMethod.GET, "/console/audit/**"),
                                PATHS.matcher(HttpMethod.POST, "/console/audit/verify"),
                                PATHS.matcher(HttpMethod.POST, "/console/audit/exports"),
                                PATHS.matcher(HttpMethod.POST, "/console/audit/holds"),
                                PATHS.matcher(HttpMethod.POST, "/console/audit/holds/*/release"))
                        .hasRole("AUDITOR")
                        .requestMatchers(
                                PATHS.matcher("/console/dead-letters"),
                                PATHS.matcher("/console/dead-letters/**"),
                                PATHS.matcher("/console/file-drop"))
                        .hasRole("ADMIN")
                        .requestMatchers(PATHS.matcher(HttpMethod.GET, "/console/operations"))
                        .hasAnyRole("ADMIN", "AUDITOR")
                        .requestMatchers(
                                PATHS.matcher(HttpMethod.GET, "/console"), PATHS.matcher(HttpMethod.GET, "/console/**"))
                        .hasAnyRole("OFFICER", "AUDITOR", "ADMIN")
                        .requestMatchers(PATHS.matcher("/login"), PATHS.matcher("/logout"))
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .x509(x509 -> x509.x509PrincipalExtractor(Certificates::fingerprint)
                        .authenticationUserDetailsService(
                                new CertificateAuthentication(agencies, partners, people, trust, true)))
                .addFilterAfter(new SessionCertificateCheck(trust, people, denial), X509AuthenticationFilter.class)
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors.accessDeniedHandler(denial));
        if (settings.formLogin()) {
            // The unauthenticated go to the sign-in page, unless they presented a certificate that was refused:
            // they are told its code (CERT_REVOKED, …), as without the form login.
            http.formLogin(form -> form.loginPage("/login")
                            .defaultSuccessUrl("/console", false)
                            .failureHandler(denial.signInRefused("/login?error")))
                    .userDetailsService(localUsers(settings, people))
                    .exceptionHandling(errors -> errors.authenticationEntryPoint(
                            denial.orElse(new LoginUrlAuthenticationEntryPoint("/login"))));
        } else {
            http.exceptionHandling(errors -> errors.authenticationEntryPoint(denial));
        }
        return http.build();
    }

    /** Local users for the form login: a password from configuration, the role and agency from config/people. */
    private static UserDetailsService localUsers(ConsoleSettings settings, People people) {
        var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        Map<String, String> passwords = settings.localUsers();
        return username -> people.current()
                .find(username)
                .filter(person -> passwords.containsKey(username))
                .map(person ->
                        new Caller(person.id(), person.role().name(), person.agency(), null, passwords.get(username)))
                .orElseThrow(() -> new UsernameNotFoundException("no local user " + username));
    }
}
