package io.borderlink.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.adapters.flow.ApiProblems;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.crypto.Certificates;
import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditStep;
import io.borderlink.gateway.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Every refused request is audited with the certificate that made it, and answered 403 with its code. */
final class AuditingAccessDenial implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final AuditTrail audit;
    private final ObjectMapper json;

    AuditingAccessDenial(AuditTrail audit, ObjectMapper json) {
        this.audit = audit;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        refuse(request, response, e.getMessage());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        refuse(request, response, e.getMessage());
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String reason) throws IOException {
        String detail = request.getMethod() + " " + request.getRequestURI() + ": " + reason;
        AuditEvent event = AuditEvent.rejected(AuditStep.ACCESS, null, ErrorCode.ACCESS_DENIED, detail);
        if (request.getAttribute("jakarta.servlet.request.X509Certificate") instanceof X509Certificate[] chain
                && chain.length > 0) {
            event = event.actor(chain[0].getSubjectX500Principal().getName(), Certificates.fingerprint(chain[0]));
        }
        audit.record(event);
        ProblemDetail problem = ApiProblems.problem(ErrorCode.ACCESS_DENIED, "access denied");
        response.setStatus(ErrorCode.ACCESS_DENIED.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
