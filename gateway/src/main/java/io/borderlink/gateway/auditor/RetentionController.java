package io.borderlink.gateway.auditor;

import io.borderlink.adapters.flow.ApiProblems;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.gateway.audit.Auditor;
import io.borderlink.gateway.retention.LegalHolds;
import io.borderlink.gateway.retention.RetentionOverview;
import io.borderlink.gateway.security.Caller;
import io.borderlink.gateway.security.Callers;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditors' view of retention: purges to come (within {@code borderlink.retention.upcoming}), recent
 * purges, and legal holds, which they set and release with a reason (both audited).
 */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
class RetentionController {

    private final RetentionOverview overview;
    private final LegalHolds holds;

    RetentionController(RetentionOverview overview, LegalHolds holds) {
        this.overview = overview;
        this.holds = holds;
    }

    /** The rules, what retention will purge next (held and unsettled exchanges marked), what it purged, holds. */
    @GetMapping("/retention")
    RetentionOverview.Overview retention() {
        return overview.now();
    }

    @PostMapping("/holds")
    LegalHolds.Hold hold(@RequestBody HoldRequest request) {
        return holds.hold(request.exchangeId(), request.reason(), auditor());
    }

    @PostMapping("/holds/{holdId}/release")
    ResponseEntity<Void> release(@PathVariable long holdId, @RequestBody ReleaseRequest request) {
        holds.release(holdId, request.reason(), auditor());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(GatewayException.class)
    ResponseEntity<ProblemDetail> refused(GatewayException e) {
        return ResponseEntity.status(e.code().status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ApiProblems.problem(e.code(), e.getMessage()));
    }

    static Auditor auditor() {
        Caller caller = Callers.current();
        return new Auditor(caller.id(), caller.certificate());
    }

    record HoldRequest(UUID exchangeId, String reason) {}

    record ReleaseRequest(String reason) {}
}
