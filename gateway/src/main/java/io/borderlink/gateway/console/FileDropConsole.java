package io.borderlink.gateway.console;

import io.borderlink.gateway.filedrop.DropLedger;
import io.borderlink.gateway.filedrop.DropSource;
import io.borderlink.gateway.filedrop.DropSources;
import io.borderlink.gateway.filedrop.DropStatus;
import io.borderlink.gateway.security.Callers;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The administrators' file-drop page (docs/air-gap.md): for each partner and agency without an online link,
 * where its folders are, what the gateway wrote for it and listed in manifests, and which of its files arrived,
 * are missing or were quarantined (with the code of why; the reason is beside the file in the quarantine folder).
 */
@Controller
class FileDropConsole {

    private final DropSources sources;
    private final DropLedger ledger;

    FileDropConsole(DropSources sources, DropLedger ledger) {
        this.sources = sources;
        this.ledger = ledger;
    }

    /** One row of the page. */
    record Row(DropSource source, DropStatus.Outgoing outgoing, DropStatus.Incoming incoming) {}

    @GetMapping("/console/file-drop")
    String page(Model model) {
        List<Row> rows = sources.all().stream()
                .map(source -> new Row(source, ledger.outgoing(source.id()), ledger.incoming(source.id())))
                .toList();
        model.addAttribute("caller", Callers.current());
        model.addAttribute("rows", rows);
        return "console/file-drop";
    }
}
