package io.borderlink.contracts.exchange;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.util.List;
import java.util.Objects;

/**
 * A version of the narrative written below the line for wider release: meant for the partners named in
 * {@code partners} and for every partner whose country or organisation code is in {@code releasableTo},
 * at its own classification and TLP label.
 */
public record Tearline(
        String id,
        List<String> partners,
        List<String> releasableTo,
        Classification classification,
        Tlp tlp,
        Narrative text) {

    public Tearline {
        Objects.requireNonNull(id, "id");
        partners = Lists.copy(partners);
        releasableTo = Lists.copy(releasableTo);
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(tlp, "tlp");
        Objects.requireNonNull(text, "text");
        if (partners.isEmpty() && releasableTo.isEmpty()) {
            throw new GatewayException(ErrorCode.SCHEMA_INVALID, "tearline " + id + " is releasable to nobody");
        }
    }

    /** Whether it names this partner, or the country or organisation code the partner is known by. */
    public boolean isFor(String partnerId, String releasabilityCode) {
        return partners.contains(partnerId) || releasableTo.contains(releasabilityCode);
    }
}
