package io.borderlink.gateway.console;

import io.borderlink.gateway.approval.ApprovalDecisions;
import io.borderlink.gateway.approval.ApprovalQueue;
import io.borderlink.gateway.approval.ApprovalTask;
import io.borderlink.gateway.approval.QueueFilter;
import io.borderlink.gateway.exchange.ExchangeOverview;
import io.borderlink.gateway.security.Caller;
import io.borderlink.gateway.security.Callers;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The web console: server-rendered pages for officers (the approval queue and tasks), auditors (the same,
 * read-only) and administrators. Every form is CSRF-protected; decisions are enforced by the server, the
 * pages only leave out what a role may not do.
 */
@Controller
class ConsoleController {

    private final ApprovalQueue approvals;
    private final ApprovalDecisions decisions;
    private final ExchangeOverview exchanges;

    ConsoleController(ApprovalQueue approvals, ApprovalDecisions decisions, ExchangeOverview exchanges) {
        this.approvals = approvals;
        this.decisions = decisions;
        this.exchanges = exchanges;
    }

    @GetMapping("/console")
    String home(Model model) {
        model.addAttribute("caller", Callers.current());
        return "console/home";
    }

    @GetMapping("/console/approvals")
    String queue(
            @RequestParam(required = false) String partner,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String classification,
            @RequestParam(required = false) Integer olderThanHours,
            Model model) {
        QueueFilter filter = new QueueFilter(
                blankToNull(partner),
                blankToNull(category),
                blankToNull(classification),
                olderThanHours == null ? null : Duration.ofHours(olderThanHours));
        model.addAttribute("caller", Callers.current());
        model.addAttribute("filter", filter);
        model.addAttribute("olderThanHours", olderThanHours);
        model.addAttribute("items", approvals.queue(filter));
        return "console/queue";
    }

    @GetMapping("/console/approvals/{shareId}")
    String task(@PathVariable UUID shareId, Model model) {
        Caller caller = Callers.current();
        ApprovalTask task = approvals.task(shareId, caller);
        model.addAttribute("caller", caller);
        model.addAttribute("task", task);
        model.addAttribute(
                "mayDecide",
                "OFFICER".equals(caller.role()) && task.state().name().equals("HELD"));
        return "console/task";
    }

    @PostMapping("/console/approvals/{shareId}/approve")
    String approve(
            @PathVariable UUID shareId,
            @RequestParam String viewDigest,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return Flash.outcome(redirect, "redirect:/console/approvals/" + shareId, () -> decisions
                .approve(shareId, viewDigest, Callers.current(), reason)
                .message());
    }

    @PostMapping("/console/approvals/{shareId}/reject")
    String reject(
            @PathVariable UUID shareId,
            @RequestParam String viewDigest,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return Flash.outcome(redirect, "redirect:/console/approvals/" + shareId, () -> decisions
                .reject(shareId, viewDigest, Callers.current(), reason)
                .message());
    }

    @PostMapping("/console/approvals/{shareId}/narrative")
    String editNarrative(
            @PathVariable UUID shareId,
            @RequestParam String viewDigest,
            @RequestParam(required = false) String narrative,
            RedirectAttributes redirect) {
        return Flash.outcome(redirect, "redirect:/console/approvals/" + shareId, () -> decisions
                .editNarrative(shareId, viewDigest, Callers.current(), narrative)
                .message());
    }

    @GetMapping("/console/exchanges/{exchangeId}")
    String exchange(@PathVariable UUID exchangeId, Model model) {
        Caller caller = Callers.current();
        model.addAttribute("caller", caller);
        model.addAttribute("exchange", exchanges.overview(exchangeId, caller));
        return "console/exchange";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
