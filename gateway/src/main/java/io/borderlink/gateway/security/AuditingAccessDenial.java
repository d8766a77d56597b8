package io.borderlink.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.adapters.flow.ApiProblems;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.crypto.Certificates;
import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditStep;
import io.borderlink.gateway.audit.RefusalFloods;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * Every refused request is audited with the certificate that made it, and answered 403 with its code:
 * ACCESS_DENIED, or the certificate's own refusal (CERT_REVOKED, REVOCATION_UNKNOWN, …) when that is why
 * the caller could not be authenticated. A script hammering an endpoint it may not use leaves the first
 * refusal and one event with the count of the rest ({@link RefusalFloods}).
 */
final class AuditingAccessDenial implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final RefusalFloods refusals;
    private final ObjectMapper json;

    AuditingAccessDenial(RefusalFloods refusals, ObjectMapper json) {
        this.refusals = refusals;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        GatewayException certificate = refusedCertificate(request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION));
        if (certificate != null) {
            refuse(request, response, certificate);
        } else {
            refuse(request, response, ErrorCode.ACCESS_DENIED, e.getMessage());
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        refuse(request, response, ErrorCode.ACCESS_DENIED, e.getMessage());
    }

    /**
     * This entry point for a request whose client certificate was refused (so the caller learns the code),
     * {@code otherwise} for the rest, such as people to be shown the development login form.
     */
    AuthenticationEntryPoint orElse(AuthenticationEntryPoint otherwise) {
        return (request, response, e) -> {
            if (refusedCertificate(request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)) != null) {
                commence(request, response, e);
            } else {
                otherwise.commence(request, response, e);
            }
        };
    }

    /** Refuses with the code of why the caller's certificate no longer counts. */
    void refuse(HttpServletRequest request, HttpServletResponse response, GatewayException certificate)
            throws IOException {
        refuse(request, response, certificate.code(), certificate.getMessage());
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String reason)
            throws IOException {
        audit(request, code, reason);
        ProblemDetail problem = ApiProblems.problem(
                code, code == ErrorCode.ACCESS_DENIED ? "access denied" : "client certificate refused: " + code);
        response.setStatus(code.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /**
     * A refused sign-in on the development form login is audited with the user name it tried (in the detail: it
     * is a claim, not who it was), then sent back to the form; a guesser's repeats are counted, not copied.
     */
    AuthenticationFailureHandler signInRefused(String form) {
        AuthenticationFailureHandler back = new SimpleUrlAuthenticationFailureHandler(form);
        return (request, response, e) -> {
            String name = Objects.toString(request.getParameter("username"), "");
            String shown = name.length() > 64 ? name.substring(0, 64) + "…" : name;
            audit(request, ErrorCode.ACCESS_DENIED, "sign-in refused for the user name '" + shown + "'");
            back.onAuthenticationFailure(request, response, e);
        };
    }

    private void audit(HttpServletRequest request, ErrorCode code, String reason) {
        String detail = request.getMethod() + " " + request.getRequestURI() + ": " + reason;
        AuditEvent event = AuditEvent.rejected(AuditStep.ACCESS, null, code, detail);
        if (request.getAttribute("jakarta.servlet.request.X509Certificate") instanceof X509Certificate[] chain
                && chain.length > 0) {
            event = event.actor(chain[0].getSubjectX500Principal().getName(), Certificates.fingerprint(chain[0]));
        } else if (signedIn() instanceof Caller caller) {
            // Signed in with the development form login: no certificate, but the trail still says who tried.
            event = event.actor(caller.id(), null);
        }
        refusals.record(event);
    }

    /** Who the security context says made the request, when anyone: a form login's {@link Caller}. */
    private static Object signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getPrincipal();
    }

    /** The refusal of the caller's certificate behind a failed authentication of this request, if that was it. */
    private static GatewayException refusedCertificate(Object failure) {
        for (Throwable cause = failure instanceof Throwable t ? t : null; cause != null; cause = cause.getCause()) {
            if (cause instanceof GatewayException refusal) {
                return refusal;
            }
        }
        return null;
    }
}
