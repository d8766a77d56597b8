package io.borderlink.gateway.console;

import io.borderlink.gateway.deadletter.DeadLetters;
import io.borderlink.gateway.security.Callers;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrators' dead-letter page: the same actions as the REST API, audited the same way. */
@Controller
class DeadLetterConsole {

    private static final String PAGE = "redirect:/console/dead-letters";

    private final DeadLetters deadLetters;

    DeadLetterConsole(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/console/dead-letters")
    String list(@RequestParam(required = false) String recipient, Model model) {
        String filter = recipient == null || recipient.isBlank() ? null : recipient;
        model.addAttribute("caller", Callers.current());
        model.addAttribute("recipient", filter);
        model.addAttribute("items", deadLetters.list(filter));
        return "console/dead-letters";
    }

    @GetMapping("/console/dead-letters/{shareId}")
    String inspect(@PathVariable UUID shareId, Model model) {
        model.addAttribute("caller", Callers.current());
        model.addAttribute("detail", deadLetters.inspect(shareId));
        return "console/dead-letter";
    }

    @PostMapping("/console/dead-letters/{shareId}/resend")
    String resend(@PathVariable UUID shareId, RedirectAttributes redirect) {
        return Flash.outcome(redirect, PAGE, () -> {
            deadLetters.resend(shareId, Callers.current());
            return "share " + shareId + " resent";
        });
    }

    @PostMapping("/console/dead-letters/{shareId}/abandon")
    String abandon(
            @PathVariable UUID shareId, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return Flash.outcome(redirect, PAGE, () -> {
            deadLetters.abandon(shareId, Callers.current(), reason);
            return "share " + shareId + " abandoned";
        });
    }

    @PostMapping("/console/dead-letters/resend")
    String resendAll(@RequestParam(required = false) String recipient, RedirectAttributes redirect) {
        return Flash.outcome(
                redirect,
                PAGE,
                () -> deadLetters.resendAll(recipient, Callers.current()) + " dead letter(s) for " + recipient
                        + " resent");
    }
}
