package io.borderlink.gateway.auditor;

import io.borderlink.contracts.error.GatewayException;
import io.borderlink.gateway.retention.LegalHolds;
import io.borderlink.gateway.retention.RetentionOverview;
import io.borderlink.gateway.security.Caller;
import io.borderlink.gateway.security.Callers;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The auditors' retention page: upcoming purges, recent ones, and the legal holds they set and release. */
@Controller
class RetentionConsoleController {

    private final RetentionOverview overview;
    private final LegalHolds holds;

    RetentionConsoleController(RetentionOverview overview, LegalHolds holds) {
        this.overview = overview;
        this.holds = holds;
    }

    @ModelAttribute("caller")
    Caller caller() {
        return Callers.current();
    }

    @GetMapping("/console/audit/retention")
    String page(Model model) {
        RetentionOverview.Overview now = overview.now();
        model.addAttribute("now", now.now());
        model.addAttribute("until", now.until());
        model.addAttribute("rules", now.rules());
        model.addAttribute("upcoming", now.upcoming());
        model.addAttribute("purged", now.purged());
        model.addAttribute("holds", now.holds());
        return "console/retention";
    }

    @PostMapping("/console/audit/holds")
    String hold(@RequestParam UUID exchangeId, @RequestParam String reason, RedirectAttributes redirect) {
        return outcome(
                redirect,
                () -> "Legal hold "
                        + holds.hold(exchangeId, reason, RetentionController.auditor())
                                .id() + " set on " + exchangeId);
    }

    @PostMapping("/console/audit/holds/{holdId}/release")
    String release(@PathVariable long holdId, @RequestParam String reason, RedirectAttributes redirect) {
        return outcome(redirect, () -> {
            holds.release(holdId, reason, RetentionController.auditor());
            return "Legal hold " + holdId + " released";
        });
    }

    /** The action's answer becomes the page's notice, a refusal its error, as on the other console pages. */
    private static String outcome(RedirectAttributes redirect, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (GatewayException e) {
            redirect.addFlashAttribute("error", e.code() + ": " + e.getMessage());
        }
        return "redirect:/console/audit/retention";
    }
}
