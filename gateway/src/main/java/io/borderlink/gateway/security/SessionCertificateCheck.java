package io.borderlink.gateway.security;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.crypto.Certificates;
import io.borderlink.gateway.people.People;
import io.borderlink.gateway.people.Person;
import io.borderlink.gateway.pki.Trust;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A console session outlives the certificate check that opened it. On every request of a session opened
 * with a client certificate, that certificate must still be the one presented, must still validate
 * against the revocation data in force, and must still name the same person with the same role and agency in the
 * people files in force; otherwise the session ends and the request is refused with the certificate's code (or
 * ACCESS_DENIED), audited. An officer whose certificate is revoked, or who is withdrawn from the people files, can
 * thus neither browse nor approve once the gateway has the new CRL or files, whatever session they hold. A session
 * of the development form login is held to the people files the same way.
 */
final class SessionCertificateCheck extends OncePerRequestFilter {

    private final Trust trust;
    private final People people;
    private final AuditingAccessDenial denial;

    SessionCertificateCheck(Trust trust, People people, AuditingAccessDenial denial) {
        this.trust = trust;
        this.people = people;
        this.denial = denial;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            try {
                Optional<Person> registered;
                if (caller.certificate() != null) {
                    X509Certificate presented = presented(request, caller);
                    trust.validatePerson(presented);
                    registered = people.current().byCertificate(presented);
                } else {
                    registered = people.current().find(caller.id());
                }
                requireUnchanged(caller, registered);
            } catch (GatewayException refused) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                denial.refuse(request, response, refused);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The person the session was opened for, as the people files in force still describe them. */
    private static void requireUnchanged(Caller caller, Optional<Person> registered) {
        boolean unchanged = registered
                .filter(person -> person.id().equals(caller.id())
                        && person.role().name().equals(caller.role())
                        && Objects.equals(person.agency(), caller.agency()))
                .isPresent();
        if (!unchanged) {
            throw new GatewayException(
                    ErrorCode.ACCESS_DENIED,
                    "the session of " + caller.id() + " was opened for a registration the people files no longer hold");
        }
    }

    /** The certificate of this TLS connection, which must be the one the session was opened with. */
    private static X509Certificate presented(HttpServletRequest request, Caller caller) {
        if (request.getAttribute("jakarta.servlet.request.X509Certificate") instanceof X509Certificate[] chain
                && chain.length > 0
                && Certificates.fingerprint(chain[0]).equals(caller.certificate())) {
            return chain[0];
        }
        throw new GatewayException(
                ErrorCode.ACCESS_DENIED, "the session of " + caller.id() + " was opened with another certificate");
    }
}
