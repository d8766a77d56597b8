package io.borderlink.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.adapters.flow.ApiProblems;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.gateway.submission.SubmissionRejections;
import io.borderlink.gateway.submission.SubmissionSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an intake request whose declared length exceeds the document limit before a byte of it is
 * read, audits the refusal, and answers 413 (REST) or a SOAP fault. Bodies without a declared length are
 * bounded where they are read: the REST controller reads one byte past the limit at most.
 */
@Component
class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** A SOAP envelope adds a few hundred bytes around the exchange; this leaves generous room for it. */
    private static final long SOAP_ENVELOPE_ALLOWANCE = 16 * 1024;

    private final long limit;
    private final SubmissionRejections rejections;
    private final ObjectMapper json;

    RequestSizeLimitFilter(SubmissionSettings settings, SubmissionRejections rejections, ObjectMapper json) {
        this.limit = settings.maxDocumentSize().toBytes();
        this.rejections = rejections;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !"POST".equals(request.getMethod())
                || !(path.startsWith("/api/v1/exchanges")
                        || path.startsWith("/services/")
                        || path.startsWith("/partners/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean soap = request.getRequestURI().startsWith("/services/");
        long allowed = soap ? limit + SOAP_ENVELOPE_ALLOWANCE : limit;
        long declared = request.getContentLengthLong();
        if (declared <= allowed) {
            chain.doFilter(request, response);
            return;
        }
        String detail = "request of " + declared + " bytes exceeds the limit of " + allowed;
        rejections.record(null, null, clientCertificate(request), ErrorCode.MESSAGE_TOO_LARGE, detail);
        response.setStatus(ErrorCode.MESSAGE_TOO_LARGE.status());
        if (soap) {
            response.setContentType("text/xml; charset=utf-8");
            response.getOutputStream().write(soapFault(detail).getBytes(StandardCharsets.UTF_8));
        } else {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ApiProblems.problem(ErrorCode.MESSAGE_TOO_LARGE, detail));
        }
    }

    private static X509Certificate clientCertificate(HttpServletRequest request) {
        return request.getAttribute("jakarta.servlet.request.X509Certificate") instanceof X509Certificate[] chain
                        && chain.length > 0
                ? chain[0]
                : null;
    }

    private static String soapFault(String detail) {
        return """
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>\
                <faultcode>soap:Client</faultcode><faultstring>MESSAGE_TOO_LARGE: %s</faultstring><detail>\
                <GatewayFault xmlns="urn:borderlink:service:exchange:1"><Code>MESSAGE_TOO_LARGE</Code>\
                <Message>%s</Message></GatewayFault></detail></soap:Fault></soap:Body></soap:Envelope>"""
                .formatted(detail, detail);
    }
}
