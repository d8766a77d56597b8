package io.borderlink.adapters.format;

import io.borderlink.contracts.exchange.Exchange;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One wire format a recipient speaks, and everything the gateway does differently because of it: one
 * implementation per format, picked by {@link PartnerFormats} from the {@code format:} of a partner's or
 * agency's file. What is the same for every format (signing with the gateway's key, encrypting to the
 * recipient's certificate, delivery, retries, audit) stays in the gateway and asks the format only these
 * questions. Adding a format is one implementation and its registration, nothing else.
 *
 * <p>The format itself (its document, what is encrypted, its media type, how it is read when pushed to
 * us) is kept apart from how its protected bytes travel over HTTP ({@link #httpEnvelope()}), so that
 * another transport can carry the same protected bytes.
 */
public interface PartnerFormat {

    /** Its name in partner and agency files ({@code format: LIAISON_SOAP}), and in audit events and dry runs. */
    String id();

    /** Whom it may be configured for. */
    Audience audience();

    /** Translate out: the view as the recipient will read it, before it is signed and encrypted. */
    Rendered render(Exchange view, UUID messageId, String recipientId, Instant created);

    /** How the rendered message is protected: which XML element is encrypted, or JOSE over all of it. */
    Protection protection();

    /** The media type of the protected message itself (no envelope), as its evidence records it. */
    String mediaType();

    /** How the protected message travels in an HTTP POST: the envelope around it, content type, headers. */
    HttpEnvelope httpEnvelope();

    /** Translate in: how a message a partner pushes to us is read; empty for a format nobody pushes to us. */
    Optional<Intake> intake();

    /**
     * How the receiver's answer carries its signed receipt, both ways: the partner's for what we deliver, ours
     * for what a partner pushes to us; empty for a format that defines none.
     */
    Optional<ReceiptFormat> receipt();

    /** Where a bound confidentiality label goes; empty for a format that cannot carry one. */
    default Optional<LabelSlot> labelSlot() {
        return Optional.empty();
    }

    /** Foreign partners take their own formats; our agencies take the canonical exchange. */
    enum Audience {
        PARTNER,
        AGENCY
    }
}
