package io.borderlink.gateway.auditor;

import io.borderlink.contracts.error.GatewayException;
import io.borderlink.gateway.retention.LegalHolds;
import io.borderlink.gateway.retention.Purges;
import io.borderlink.gateway.retention.RetentionSchedule;
import io.borderlink.gateway.retention.RetentionSettings;
import io.borderlink.gateway.security.Caller;
import io.borderlink.gateway.security.Callers;
import java.time.Clock;
import java.time.Instant;
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

    private final RetentionSchedule schedule;
    private final RetentionSettings settings;
    private final Purges purges;
    private final LegalHolds holds;
    private final Clock clock;

    RetentionConsoleController(
            RetentionSchedule schedule, RetentionSettings settings, Purges purges, LegalHolds holds, Clock clock) {
        this.schedule = schedule;
        this.settings = settings;
        this.purges = purges;
        this.holds = holds;
        this.clock = clock;
    }

    @ModelAttribute("caller")
    Caller caller() {
        return Callers.current();
    }

    @GetMapping("/console/audit/retention")
    String page(Model model) {
        Instant now = clock.instant();
        Instant until = now.plus(settings.upcoming());
        model.addAttribute("now", now);
        model.addAttribute("until", until);
        model.addAttribute("rules", settings.rules());
        model.addAttribute("upcoming", schedule.dueBy(until, RetentionController.LISTED));
        model.addAttribute("purged", purges.recent(RetentionController.LISTED));
        model.addAttribute("holds", holds.active());
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
