package io.borderlink.gateway.auditor;

import io.borderlink.adapters.flow.ApiProblems;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.gateway.audit.AuditQueries;
import io.borderlink.gateway.audit.AuditSearch;
import io.borderlink.gateway.audit.AuditVerification;
import io.borderlink.gateway.audit.AuditedEvent;
import io.borderlink.gateway.audit.Auditor;
import io.borderlink.gateway.audit.ChainReport;
import io.borderlink.gateway.audit.Checkpoint;
import io.borderlink.gateway.audit.EvidenceBundles;
import io.borderlink.gateway.audit.Timeline;
import io.borderlink.gateway.security.Caller;
import io.borderlink.gateway.security.Callers;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.Resource;
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
 * The auditors' API: search the trail, one exchange's timeline, verify the chain, export evidence
 * bundles. Nothing here changes the record; verifying and exporting are themselves audited.
 */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditController {

    static final int CHECKPOINTS_LISTED = 20;

    private final AuditQueries queries;
    private final AuditVerification verification;
    private final EvidenceBundles bundles;

    AuditController(AuditQueries queries, AuditVerification verification, EvidenceBundles bundles) {
        this.queries = queries;
        this.verification = verification;
        this.bundles = bundles;
    }

    /** Query parameters named as {@link AuditSearch}'s fields, times in ISO-8601 ({@code 2026-11-27T08:00:00Z}). */
    @GetMapping("/events")
    List<AuditedEvent> events(AuditSearch search) {
        return queries.search(search);
    }

    @GetMapping("/exchanges/{exchangeId}/timeline")
    Timeline timeline(@PathVariable UUID exchangeId) {
        return queries.timeline(exchangeId);
    }

    /** The newest signed checkpoints, with their time-stamps: where a verification can start. */
    @GetMapping("/checkpoints")
    List<Checkpoint> checkpoints() {
        return verification.checkpoints(CHECKPOINTS_LISTED);
    }

    /** The whole chain, or from a checkpoint on ({@code {"fromCheckpoint": 12}}); an empty body means whole. */
    @PostMapping("/verify")
    ChainReport verify(@RequestBody(required = false) VerifyRequest request) {
        return verification.verify(request == null ? null : request.fromCheckpoint(), auditor());
    }

    /** A bundle for one exchange ({@code {"exchangeId": …}}) or a time range ({@code {"from": …, "to": …}}). */
    @PostMapping(
            path = "/exports",
            produces = {"application/zip", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<Resource> export(@RequestBody ExportRequest request) {
        return bundles.export(request.exchangeId(), request.from(), request.to(), auditor())
                .download();
    }

    @ExceptionHandler(GatewayException.class)
    ResponseEntity<ProblemDetail> refused(GatewayException e) {
        return ResponseEntity.status(e.code().status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ApiProblems.problem(e.code(), e.getMessage()));
    }

    private static Auditor auditor() {
        Caller caller = Callers.current();
        return new Auditor(caller.id(), caller.certificate());
    }

    record VerifyRequest(Long fromCheckpoint) {}

    record ExportRequest(UUID exchangeId, Instant from, Instant to) {}
}
