package io.borderlink.gateway.web;

import io.borderlink.adapters.flow.ApiProblems;
import io.borderlink.contracts.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * What Spring MVC refuses on its own, with or without a controller to run (a body it cannot read, JSON over
 * Jackson's limits, a missing or mistyped parameter, a media type the endpoint does not take or cannot answer
 * in, a method it does not serve, a path nothing serves), gets a stable code like every other refusal and is
 * audited as the filters' refusals are ({@link WebRefusals}). It takes the place of Spring Boot's problem-details
 * handler, whose answers carry no code. Controllers that answer these themselves keep doing so.
 */
@ControllerAdvice
class MvcRefusals extends ResponseEntityExceptionHandler {

    private final WebRefusals refusals;

    MvcRefusals(WebRefusals refusals) {
        this.refusals = refusals;
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ErrorCode code = ErrorResponses.code(status.value());
        // Spring's own detail says what was wrong in the request's terms; the exception's class is for the log.
        String reason = e instanceof HttpMediaTypeNotSupportedException unsupported
                ? "this endpoint takes " + unsupported.getSupportedMediaTypes()
                : status.is4xxClientError()
                                && e instanceof ErrorResponse answer
                                && answer.getBody().getDetail() != null
                        ? ErrorResponses.reason(status.value()) + ": "
                                + answer.getBody().getDetail()
                        : ErrorResponses.reason(status.value());
        if (request instanceof NativeWebRequest web
                && web.getNativeRequest() instanceof HttpServletRequest servletRequest) {
            refusals.record(servletRequest, code, reason);
        }
        return super.handleExceptionInternal(
                e, ApiProblems.problem(code, reason), headers, HttpStatusCode.valueOf(code.status()), request);
    }
}
