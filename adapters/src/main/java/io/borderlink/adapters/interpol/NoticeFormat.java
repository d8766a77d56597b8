package io.borderlink.adapters.interpol;

import io.borderlink.adapters.format.GatewayIdentity;
import io.borderlink.adapters.format.HttpEnvelope;
import io.borderlink.adapters.format.Intake;
import io.borderlink.adapters.format.JwsReceipt;
import io.borderlink.adapters.format.PartnerFormat;
import io.borderlink.adapters.format.Protection;
import io.borderlink.adapters.format.ReceiptFormat;
import io.borderlink.adapters.format.Rendered;
import io.borderlink.contracts.exchange.Exchange;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code NOTICE_JSON}: INTERPOL-style notices. Notice JSON (contracts/json) signed (JWS) and encrypted
 * (JWE), POSTed as {@code application/jose}. Nothing is pushed to us in it: the notices are polled.
 */
public final class NoticeFormat implements PartnerFormat {

    public static final String ID = "NOTICE_JSON";
    public static final String MEDIA_TYPE = "application/jose";

    private static final HttpEnvelope HTTP = HttpEnvelope.plain(MEDIA_TYPE);

    private final NoticeWriter writer;
    private final ReceiptFormat receipt = new JwsReceipt();

    public NoticeFormat(GatewayIdentity identity) {
        this.writer = new NoticeWriter(identity);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Audience audience() {
        return Audience.PARTNER;
    }

    @Override
    public Rendered render(Exchange view, UUID messageId, String recipientId, Instant created) {
        return Rendered.json(writer.write(view, messageId, recipientId, created));
    }

    @Override
    public Protection protection() {
        return Protection.jose();
    }

    @Override
    public String mediaType() {
        return MEDIA_TYPE;
    }

    @Override
    public HttpEnvelope httpEnvelope() {
        return HTTP;
    }

    @Override
    public Optional<Intake> intake() {
        return Optional.empty();
    }

    /** The answer is a JWS by the bureau over the message id and the digest of the JWE it received. */
    @Override
    public Optional<ReceiptFormat> receipt() {
        return Optional.of(receipt);
    }
}
