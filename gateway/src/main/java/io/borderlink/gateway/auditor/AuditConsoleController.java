package io.borderlink.gateway.auditor;

import io.borderlink.contracts.error.GatewayException;
import io.borderlink.gateway.audit.AuditQueries;
import io.borderlink.gateway.audit.AuditSearch;
import io.borderlink.gateway.audit.AuditVerification;
import io.borderlink.gateway.audit.Auditor;
import io.borderlink.gateway.audit.EvidenceBundles;
import io.borderlink.gateway.security.Caller;
import io.borderlink.gateway.security.Callers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditors' pages: search the trail, read one exchange's timeline, verify the chain and export
 * evidence bundles. Plain forms and links, so everything works from the keyboard and without scripts.
 */
@Controller
class AuditConsoleController {

    private final AuditQueries queries;
    private final AuditVerification verification;
    private final EvidenceBundles bundles;

    AuditConsoleController(AuditQueries queries, AuditVerification verification, EvidenceBundles bundles) {
        this.queries = queries;
        this.verification = verification;
        this.bundles = bundles;
    }

    @ModelAttribute("caller")
    Caller caller() {
        return Callers.current();
    }

    @GetMapping("/console/audit")
    String search(AuditSearch search, Model model) {
        model.addAttribute("search", search);
        model.addAttribute("events", queries.search(search));
        model.addAttribute("checkpoints", verification.checkpoints(AuditController.CHECKPOINTS_LISTED));
        return "console/audit";
    }

    @GetMapping("/console/audit/exchanges/{exchangeId}")
    String timeline(@PathVariable UUID exchangeId, Model model) {
        model.addAttribute("timeline", queries.timeline(exchangeId));
        return "console/audit-timeline";
    }

    @PostMapping("/console/audit/verify")
    String verify(@RequestParam(required = false) Long fromCheckpoint, Model model) {
        try {
            model.addAttribute("report", verification.verify(fromCheckpoint, auditor()));
        } catch (GatewayException e) {
            model.addAttribute("error", e.code() + ": " + e.getMessage());
        }
        return "console/audit-verify";
    }

    @PostMapping("/console/audit/exports")
    ResponseEntity<Resource> export(
            @RequestParam(required = false) UUID exchangeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        try {
            return bundles.export(exchangeId, from, to, auditor()).download();
        } catch (GatewayException e) {
            byte[] message = (e.code() + ": " + e.getMessage()).getBytes(StandardCharsets.UTF_8);
            return ResponseEntity.status(e.code().status())
                    .contentType(MediaType.TEXT_PLAIN)
                    .body(new ByteArrayResource(message));
        }
    }

    private static Auditor auditor() {
        Caller caller = Callers.current();
        return new Auditor(caller.id(), caller.certificate());
    }
}
