package io.borderlink.gateway.console;

import io.borderlink.gateway.security.Caller;
import io.borderlink.gateway.security.ConsoleSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's sign-in page: the client certificate first (what people use in production), then, where it
 * is enabled for local use, the user name and password form that Spring Security processes on POST.
 */
@Controller
class SignInPage {

    private final ConsoleSettings settings;

    SignInPage(ConsoleSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/login")
    String signIn(
            @RequestParam(required = false) String error, @RequestParam(required = false) String logout, Model model) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        model.addAttribute(
                "signedIn",
                authentication != null && authentication.getPrincipal() instanceof Caller caller ? caller : null);
        model.addAttribute("formLogin", settings.formLogin());
        model.addAttribute("failed", error != null);
        model.addAttribute("signedOut", logout != null);
        return "console/sign-in";
    }
}
