package io.borderlink.gateway.policy;

import io.borderlink.gateway.policy.Policy.NarrativeRule;
import java.util.List;

/**
 * What the partner's narrative rule made of an exchange's narrative and tearlines.
 *
 * @param tearlineId the tearline the partner view carries as its narrative, when the source is TEARLINE
 * @param hits what the leak check found in the text that would leave (empty when none, or none leaves)
 */
public record NarrativeOutcome(NarrativeRule rule, Source source, String tearlineId, List<LeakHit> hits) {

    public NarrativeOutcome {
        hits = List.copyOf(hits);
    }

    /** Where the partner view's narrative comes from. */
    public enum Source {
        /** The tearline meant for the partner. */
        TEARLINE,
        /** The narrative as the originator wrote it. */
        AS_WRITTEN,
        /** A text an officer edited for this share. */
        OFFICER,
        /** None: the partner view has no narrative. */
        NONE
    }
}
