package io.borderlink.adapters.format;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Where a format carries a confidentiality label bound to its payload (docs/labels.md): which element of a
 * rendered message the label describes, and where the format's schema puts the binding. The gateway computes
 * the label, names the data element for the binding to reference, and signs the binding.
 */
public interface LabelSlot {

    /** The element of a rendered message the label describes, and the binding references. */
    Element data(Document rendered);

    /** Puts an (unsigned) binding where the format's schema places it. */
    void place(Document rendered, Element binding);
}
