package io.borderlink.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.adapters.flow.ApiProblems;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.gateway.submission.SubmissionRejections;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * How the servlet filters refuse a request before any endpoint sees it: audited with the client's
 * certificate, then answered with the stable code as the endpoint itself would answer (a SOAP fault on
 * /services, problem JSON elsewhere). The connection is closed, so that nothing left unread is parsed.
 */
@Component
class WebRefusals {

    private final SubmissionRejections rejections;
    private final ObjectMapper json;

    WebRefusals(SubmissionRejections rejections, ObjectMapper json) {
        this.rejections = rejections;
        this.json = json;
    }

    void refuse(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String reason)
            throws IOException {
        String uri = requestUri(request);
        record(request, code, reason);
        response.setStatus(code.status());
        response.setHeader("Connection", "close");
        if (uri.startsWith("/services/")) {
            response.setContentType("text/xml; charset=utf-8");
            response.getOutputStream().write(soapFault(code, reason).getBytes(StandardCharsets.UTF_8));
        } else {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ApiProblems.problem(code, reason));
        }
    }

    /** Audits a refusal answered elsewhere, with the client's certificate, the method and the path. */
    void record(HttpServletRequest request, ErrorCode code, String reason) {
        String detail = request.getMethod() + " " + requestUri(request) + ": " + reason;
        rejections.record(null, null, clientCertificate(request), code, detail);
    }

    /** The path the client asked for, also when the request was forwarded to the error page. */
    static String requestUri(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original
                ? original
                : request.getRequestURI();
    }

    private static X509Certificate clientCertificate(HttpServletRequest request) {
        return request.getAttribute("jakarta.servlet.request.X509Certificate") instanceof X509Certificate[] chain
                        && chain.length > 0
                ? chain[0]
                : null;
    }

    private static String soapFault(ErrorCode code, String reason) {
        String message = HtmlUtils.htmlEscape(reason);
        return """
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>\
                <faultcode>soap:Client</faultcode><faultstring>%s: %s</faultstring><detail>\
                <GatewayFault xmlns="urn:borderlink:service:exchange:1"><Code>%s</Code>\
                <Message>%s</Message></GatewayFault></detail></soap:Fault></soap:Body></soap:Envelope>"""
                .formatted(code.name(), message, code.name(), message);
    }
}
