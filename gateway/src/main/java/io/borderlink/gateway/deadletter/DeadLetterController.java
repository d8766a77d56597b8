package io.borderlink.gateway.deadletter;

import io.borderlink.adapters.flow.ApiProblems;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.gateway.security.Callers;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Dead letters over REST, for administrators: list, inspect, resend one or all for a recipient, abandon. */
@RestController
@RequestMapping(path = "/api/v1/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    List<DeadLetter> list(@RequestParam(required = false) String recipient) {
        return deadLetters.list(recipient);
    }

    @GetMapping("/{shareId}")
    DeadLetterDetail inspect(@PathVariable UUID shareId) {
        return deadLetters.inspect(shareId);
    }

    @PostMapping("/{shareId}/resend")
    Result resend(@PathVariable UUID shareId) {
        deadLetters.resend(shareId, Callers.current());
        return new Result(1);
    }

    @PostMapping("/resend")
    Result resendAll(@RequestParam String recipient) {
        return new Result(deadLetters.resendAll(recipient, Callers.current()));
    }

    @PostMapping(path = "/{shareId}/abandon", consumes = MediaType.APPLICATION_JSON_VALUE)
    Result abandon(@PathVariable UUID shareId, @RequestBody Abandon abandon) {
        deadLetters.abandon(shareId, Callers.current(), abandon.reason());
        return new Result(1);
    }

    @ExceptionHandler(GatewayException.class)
    ResponseEntity<ProblemDetail> refused(GatewayException e) {
        return ResponseEntity.status(e.code().status()).body(ApiProblems.problem(e.code(), e.getMessage()));
    }

    /** How many shares the action changed. */
    record Result(int changed) {}

    record Abandon(String reason) {}
}
