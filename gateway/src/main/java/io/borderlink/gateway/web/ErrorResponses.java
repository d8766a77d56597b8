package io.borderlink.gateway.web;

import io.borderlink.contracts.error.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What Spring Security's firewall or the servlet container refuse on their own (a request the firewall
 * rejects, an exception nothing answered) reaches {@code /error}; Spring MVC's own refusals are
 * {@link MvcRefusals}'. Here it is refused as the filters refuse ({@link WebRefusals}), with its stable code
 * and an audit event, in place of Spring Boot's error controller, whose answers carry no code and are not
 * audited. The answer does not depend on what the request accepts.
 */
@Controller
class ErrorResponses implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    private final WebRefusals refusals;

    ErrorResponses(WebRefusals refusals) {
        this.refusals = refusals;
    }

    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer s ? s : 404;
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable cause) {
            // The cause goes to the log only: neither the caller nor the trail learns the gateway's internals.
            log.error("{} {} failed unexpectedly", request.getMethod(), WebRefusals.requestUri(request), cause);
        }
        refusals.refuse(request, response, code(status), reason(status));
    }

    /** The stable code of a status the container or Spring set. */
    static ErrorCode code(int status) {
        return switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405, 501 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.MESSAGE_TOO_LARGE;
            case 415 -> ErrorCode.MEDIA_TYPE_UNSUPPORTED;
            case 401, 403 -> ErrorCode.ACCESS_DENIED;
            default -> status >= 400 && status < 500 ? ErrorCode.REQUEST_INVALID : ErrorCode.INTERNAL_ERROR;
        };
    }

    static String reason(int status) {
        return switch (status) {
            case 404 -> "no such resource";
            case 405, 501 -> "this resource does not take that method";
            case 406 -> "this resource cannot answer in the media type asked for";
            case 413 -> "the request is too large";
            case 415 -> "this resource does not take that media type";
            case 401, 403 -> "access denied";
            default -> status >= 400 && status < 500 ? "malformed request" : "the request could not be processed";
        };
    }
}
