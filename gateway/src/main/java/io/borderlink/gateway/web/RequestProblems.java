package io.borderlink.gateway.web;

import io.borderlink.adapters.flow.ApiProblems;
import io.borderlink.contracts.error.ErrorCode;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What Spring refuses before a REST controller runs (a body it cannot read, JSON over Jackson's limits, a
 * parameter of the wrong type, a media type the endpoint does not declare) gets a stable code like every other
 * refusal. Controllers that answer these themselves keep doing so.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class RequestProblems {

    @ExceptionHandler({
        HttpMessageNotReadableException.class,
        MethodArgumentTypeMismatchException.class,
        MissingServletRequestParameterException.class
    })
    ResponseEntity<ProblemDetail> malformed(Exception e) {
        return answer(
                ErrorCode.REQUEST_INVALID, "malformed request: " + e.getClass().getSimpleName());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return answer(ErrorCode.MEDIA_TYPE_UNSUPPORTED, "this endpoint takes " + e.getSupportedMediaTypes());
    }

    private static ResponseEntity<ProblemDetail> answer(ErrorCode code, String detail) {
        return ResponseEntity.status(code.status()).body(ApiProblems.problem(code, detail));
    }
}
