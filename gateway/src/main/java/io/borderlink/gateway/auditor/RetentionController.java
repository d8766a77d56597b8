package io.borderlink.gateway.auditor;

import io.borderlink.adapters.flow.ApiProblems;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.gateway.audit.Auditor;
import io.borderlink.gateway.retention.LegalHolds;
import io.borderlink.gateway.retention.Purges;
import io.borderlink.gateway.retention.RetentionSchedule;
import io.borderlink.gateway.retention.RetentionSettings;
import io.borderlink.gateway.security.Caller;
import io.borderlink.gateway.security.Callers;
import java.time.Clock;
import java.time.Instant;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditors' view of retention: purges to come (within {@code borderlink.retention.upcoming}), recent
 * purges, and legal holds, which they set and release with a reason (both audited).
 */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
class RetentionController {

    static final int LISTED = 200;

    private final RetentionSchedule schedule;
    private final RetentionSettings settings;
    private final Purges purges;
    private final LegalHolds holds;
    private final Clock clock;

    RetentionController(
            RetentionSchedule schedule, RetentionSettings settings, Purges purges, LegalHolds holds, Clock clock) {
        this.schedule = schedule;
        this.settings = settings;
        this.purges = purges;
        this.holds = holds;
        this.clock = clock;
    }

    /** What retention will purge next (held and unsettled exchanges included, marked), and what it purged. */
    record Overview(
            Instant until,
            List<RetentionSchedule.Due> upcoming,
            List<Purges.Purge> purged,
            List<LegalHolds.Hold> holds) {}

    @GetMapping("/retention")
    Overview retention() {
        Instant until = clock.instant().plus(settings.upcoming());
        return new Overview(until, schedule.dueBy(until, LISTED), purges.recent(LISTED), holds.active());
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
