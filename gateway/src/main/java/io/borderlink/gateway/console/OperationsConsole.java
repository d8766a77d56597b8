package io.borderlink.gateway.console;

import io.borderlink.gateway.operations.OperatorView;
import io.borderlink.gateway.security.Callers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The operator's page, for administrators (and auditors, who may read it): partners and their deliveries,
 * certificates and CRLs, the cluster, the audit chain. It changes nothing; dead letters have their own page.
 */
@Controller
class OperationsConsole {

    private final OperatorView view;

    OperationsConsole(OperatorView view) {
        this.view = view;
    }

    @GetMapping("/console/operations")
    String operations(Model model) {
        model.addAttribute("caller", Callers.current());
        model.addAttribute("health", view.health());
        model.addAttribute("recipients", view.recipients());
        model.addAttribute("certificates", view.certificates());
        model.addAttribute("crls", view.crls());
        model.addAttribute("cluster", view.cluster());
        model.addAttribute("audit", view.audit());
        return "console/operations";
    }
}
