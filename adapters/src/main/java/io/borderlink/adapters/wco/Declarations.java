package io.borderlink.adapters.wco;

import static io.borderlink.contracts.xml.Dom.append;
import static io.borderlink.contracts.xml.Dom.appendText;
import static io.borderlink.contracts.xml.Dom.children;
import static io.borderlink.contracts.xml.Dom.optionalChild;
import static io.borderlink.contracts.xml.Dom.token;

import io.borderlink.contracts.exchange.SourceRef;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Source references ↔ the Report's Declaration elements, both ways in one place: a declaration
 * reference ({@value WcoTranslator#MRN}, {@value WcoTranslator#LRN}, {@value WcoTranslator#UCR}) is the
 * only kind of source reference the WCO receives, and each system has an element of its own.
 */
final class Declarations {

    private Declarations() {}

    static void write(Element report, List<SourceRef> sourceRefs) {
        for (SourceRef ref : sourceRefs) {
            switch (ref.system()) {
                case WcoTranslator.MRN -> appendText(append(report, "Declaration"), "ID", ref.id());
                case WcoTranslator.LRN -> appendText(append(report, "Declaration"), "FunctionalReferenceID", ref.id());
                case WcoTranslator.UCR ->
                    appendText(append(append(report, "Declaration"), "UCR"), "TraderAssignedReferenceID", ref.id());
                default -> {
                    // Case numbers and other internal references stay home.
                }
            }
        }
    }

    static List<SourceRef> read(Element report) {
        List<SourceRef> refs = new ArrayList<>();
        for (Element declaration : children(report, "Declaration")) {
            Element ucr = optionalChild(declaration, "UCR");
            if (ucr != null) {
                refs.add(new SourceRef(WcoTranslator.UCR, token(ucr, "TraderAssignedReferenceID")));
            } else if (optionalChild(declaration, "ID") != null) {
                refs.add(new SourceRef(WcoTranslator.MRN, token(declaration, "ID")));
            } else {
                refs.add(new SourceRef(WcoTranslator.LRN, token(declaration, "FunctionalReferenceID")));
            }
        }
        return refs;
    }
}
