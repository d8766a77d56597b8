package io.borderlink.gateway.approval;

import io.borderlink.adapters.flow.ApiProblems;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.gateway.security.Callers;
import java.time.Duration;
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

/** The approval queue and decisions over REST, for officers' tools; auditors may read. */
@RestController
@RequestMapping(path = "/api/v1/approvals", produces = MediaType.APPLICATION_JSON_VALUE)
class ApprovalController {

    private final ApprovalQueue queue;
    private final ApprovalDecisions decisions;

    ApprovalController(ApprovalQueue queue, ApprovalDecisions decisions) {
        this.queue = queue;
        this.decisions = decisions;
    }

    @GetMapping
    List<QueueItem> queue(
            @RequestParam(required = false) String partner,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String classification,
            @RequestParam(required = false) Integer olderThanHours) {
        return queue.queue(new QueueFilter(
                partner, category, classification, olderThanHours == null ? null : Duration.ofHours(olderThanHours)));
    }

    @GetMapping("/{shareId}")
    ApprovalTask task(@PathVariable UUID shareId) {
        return queue.task(shareId, Callers.current());
    }

    @PostMapping(path = "/{shareId}/approve", consumes = MediaType.APPLICATION_JSON_VALUE)
    ApprovalDecisions.Result approve(@PathVariable UUID shareId, @RequestBody Action action) {
        return decisions.approve(shareId, action.viewDigest(), Callers.current(), action.reason());
    }

    @PostMapping(path = "/{shareId}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
    ApprovalDecisions.Result reject(@PathVariable UUID shareId, @RequestBody Action action) {
        return decisions.reject(shareId, action.viewDigest(), Callers.current(), action.reason());
    }

    /** Replaces the outgoing narrative of the view the officer was shown; the answer names the new view's digest. */
    @PostMapping(path = "/{shareId}/narrative", consumes = MediaType.APPLICATION_JSON_VALUE)
    ApprovalDecisions.Result editNarrative(@PathVariable UUID shareId, @RequestBody NarrativeEdit edit) {
        return decisions.editNarrative(shareId, edit.viewDigest(), Callers.current(), edit.narrative());
    }

    @ExceptionHandler(GatewayException.class)
    ResponseEntity<ProblemDetail> refused(GatewayException e) {
        return ResponseEntity.status(e.code().status()).body(ApiProblems.problem(e.code(), e.getMessage()));
    }

    /** An officer's decision: the digest of the partner view they reviewed, and why. */
    record Action(String viewDigest, String reason) {}

    /** An officer's narrative for the partner view they reviewed; blank for none. */
    record NarrativeEdit(String viewDigest, String narrative) {}
}
