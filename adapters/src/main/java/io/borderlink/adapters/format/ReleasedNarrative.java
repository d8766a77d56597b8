package io.borderlink.adapters.format;

import io.borderlink.contracts.exchange.Body;
import io.borderlink.contracts.exchange.Narrative;

/**
 * The free text a partner format carries: the partner view's narrative, which the policy made the
 * tearline meant for the partner, an officer's text or the narrative as written, never anything else of
 * the original. A view without one still fills a format that requires a text, with a sentence that says so.
 */
public final class ReleasedNarrative {

    /** What a format whose text is required carries when the partner view has no narrative. */
    public static final Narrative NONE = new Narrative("No narrative is released with this message.", "en");

    private ReleasedNarrative() {}

    public static Narrative of(Body view) {
        return view.narrative() == null ? NONE : view.narrative();
    }
}
