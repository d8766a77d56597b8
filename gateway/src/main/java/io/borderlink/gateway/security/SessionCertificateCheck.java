package io.borderlink.gateway.security;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.crypto.Certificates;
import io.borderlink.gateway.pki.Trust;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.cert.X509Certificate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A console session outlives the certificate check that opened it. On every request of a session opened
 * with a client certificate, that certificate must still be the one presented and must still validate
 * against the revocation data in force; otherwise the session ends and the request is refused with the
 * certificate's code, audited. An officer whose certificate is revoked can thus neither browse nor
 * approve once the gateway has the new CRL, whatever session they hold.
 */
final class SessionCertificateCheck extends OncePerRequestFilter {

    private final Trust trust;
    private final AuditingAccessDenial denial;

    SessionCertificateCheck(Trust trust, AuditingAccessDenial denial) {
        this.trust = trust;
        this.denial = denial;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof Caller caller
                && caller.certificate() != null) {
            try {
                trust.validatePerson(presented(request, caller));
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
