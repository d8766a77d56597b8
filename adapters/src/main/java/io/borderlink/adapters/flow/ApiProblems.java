package io.borderlink.adapters.flow;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every refusal of the REST APIs, agency and partner, as {@code application/problem+json} carrying its stable {@code code}.
 * Internal errors say nothing about their cause; that is in the log and the audit trail.
 */
// Only the adapters' controllers: the console and the approval API answer for themselves.
@RestControllerAdvice(basePackages = "io.borderlink.adapters")
public class ApiProblems {

    /** How long a caller refused for a passing condition (503: the database, the node at capacity) waits. */
    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(GatewayException.class)
    public ResponseEntity<ProblemDetail> refused(GatewayException e) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.code().status());
        if (e.code().status() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            answer.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return answer.body(problem(e.code(), e.getMessage()));
    }

    public static ProblemDetail problem(ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.valueOf(code.status()),
                code == ErrorCode.INTERNAL_ERROR ? "the request could not be processed" : detail);
        problem.setType(URI.create("urn:borderlink:error:" + code.name()));
        problem.setTitle(code.name());
        problem.setProperty("code", code.name());
        return problem;
    }
}
