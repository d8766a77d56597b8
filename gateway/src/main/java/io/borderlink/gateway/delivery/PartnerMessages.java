package io.borderlink.gateway.delivery;

import io.borderlink.adapters.format.LabelSlot;
import io.borderlink.adapters.format.Protection;
import io.borderlink.adapters.format.Rendered;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.label.LabelXml;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.Digests;
import io.borderlink.crypto.JoseCrypto;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.gateway.labels.OutboundLabels;
import io.borderlink.gateway.partner.Direction;
import io.borderlink.gateway.partner.Recipient;
import io.borderlink.gateway.pki.GatewayKeys;
import io.borderlink.gateway.pki.Trust;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;

/**
 * The translate and protect steps: a partner view becomes a message in the recipient's format (an
 * agency view, the canonical exchange), signed by the gateway and encrypted to the recipient's
 * certificate as the format's protection says: XML formats get the XML profile of contracts/PROFILE.md
 * (the element carrying the content is encrypted, the header stays readable for routing, and a bound label's
 * binding is signed first), JSON formats a JWS nested in a JWE. A recipient with an EC certificate gets the
 * gateway's EC signature and an agreed key (ECDH-ES); the others RSA. The recipient's certificate must pass
 * the revocation data in force before anything is encrypted to it.
 */
@Component("partnerMessages")
public class PartnerMessages {

    private final XmlCrypto crypto;
    private final JoseCrypto jose;
    private final GatewayKeys keys;
    private final Trust trust;
    private final Clock clock;
    private final OutboundLabels labels;

    PartnerMessages(
            XmlCrypto crypto, JoseCrypto jose, GatewayKeys keys, Trust trust, Clock clock, OutboundLabels labels) {
        this.crypto = crypto;
        this.jose = jose;
        this.keys = keys;
        this.trust = trust;
        this.clock = clock;
        this.labels = labels;
    }

    public PartnerDocument translate(ShareDelivery share) {
        return new PartnerDocument(share, render(share.view(), share.recipient(), share.shareId()));
    }

    /**
     * The view in the recipient's own format, unprotected (also what officers and dry runs see), with the
     * confidentiality label of a recipient that takes labels bound to its payload.
     */
    public Rendered render(Exchange view, Recipient recipient, UUID messageId) {
        Instant now = clock.instant();
        Rendered rendered = recipient.format().render(view, messageId, recipient.id(), now);
        if (recipient.labels() != null) {
            labels.bind(
                    rendered.xml(),
                    recipient.format().labelSlot().orElseThrow(),
                    recipient.labels().policy(),
                    view.markings(),
                    now);
        }
        return rendered;
    }

    public ProtectedMessage protect(PartnerDocument translated) {
        Recipient recipient = translated.share().recipient();
        X509Certificate certificate = translated.share().certificate();
        // An agency's certificate is one of the agency's own; a partner's chains to the partner's root.
        if (recipient.direction() == Direction.INBOUND) {
            trust.validateAgency(certificate);
        } else {
            trust.validateAnchoredAt(recipient.id(), recipient.trustAnchor(), certificate);
        }
        Protection protection = recipient.format().protection();
        return switch (protection.kind()) {
            case JOSE -> withJose(translated, certificate);
            case XML_ELEMENT -> withXml(translated, protection, certificate);
        };
    }

    private ProtectedMessage withJose(PartnerDocument translated, X509Certificate certificate) {
        byte[] signed = jose.sign(translated.rendered().json(), keys.signingFor(certificate))
                .getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = jose.encrypt(signed, certificate).getBytes(StandardCharsets.US_ASCII);
        String digest = Digests.sha256(bytes);
        return new ProtectedMessage(translated.share(), bytes, digest, signed, Digests.sha256(signed), digest);
    }

    private ProtectedMessage withXml(PartnerDocument translated, Protection protection, X509Certificate certificate) {
        Document document = translated.rendered().xml();
        Optional<LabelSlot> slot = translated.share().recipient().format().labelSlot();
        LabelXml.bindingIn(document)
                .ifPresent(binding ->
                        crypto.signBinding(binding, slot.orElseThrow().data(document), keys.signing()));
        byte[] signed = crypto.protect(
                document,
                protection.elementIn(document),
                keys.signingFor(certificate),
                certificate,
                translated.share().recipient().keyTransport());
        byte[] bytes = SecureXml.serialize(document);
        return new ProtectedMessage(
                translated.share(),
                bytes,
                Digests.sha256(bytes),
                signed,
                Digests.sha256(signed),
                Digests.sha256OfCanonicalXml(document));
    }
}
