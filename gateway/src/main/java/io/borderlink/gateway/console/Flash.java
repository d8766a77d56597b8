package io.borderlink.gateway.console;

import io.borderlink.contracts.error.GatewayException;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A console action's outcome for the page it redirects to: what was done, or the refusal with its code. */
final class Flash {

    private Flash() {}

    /** Runs the action; its answer becomes the page's notice, a refusal its error. Answers {@code page}. */
    static String outcome(RedirectAttributes redirect, String page, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (GatewayException e) {
            redirect.addFlashAttribute("error", e.code() + ": " + e.getMessage());
        }
        return page;
    }
}
