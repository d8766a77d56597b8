package io.borderlink.gateway.console;

import io.borderlink.contracts.error.GatewayException;
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
        return act(redirect, "share " + shareId + " resent", () -> deadLetters.resend(shareId, Callers.current()));
    }

    @PostMapping("/console/dead-letters/{shareId}/abandon")
    String abandon(
            @PathVariable UUID shareId, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(
                redirect,
                "share " + shareId + " abandoned",
                () -> deadLetters.abandon(shareId, Callers.current(), reason));
    }

    @PostMapping("/console/dead-letters/resend")
    String resendAll(@RequestParam(required = false) String recipient, RedirectAttributes redirect) {
        try {
            int count = deadLetters.resendAll(recipient, Callers.current());
            redirect.addFlashAttribute("notice", count + " dead letter(s) for " + recipient + " resent");
        } catch (GatewayException e) {
            redirect.addFlashAttribute("error", e.code() + ": " + e.getMessage());
        }
        return PAGE;
    }

    private static String act(RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", done);
        } catch (GatewayException e) {
            redirect.addFlashAttribute("error", e.code() + ": " + e.getMessage());
        }
        return PAGE;
    }
}
