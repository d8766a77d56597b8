package io.borderlink.gateway.inbound;

import io.borderlink.adapters.format.Intake;
import io.borderlink.contracts.api.Submission;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.Digests;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.gateway.labels.LabelIntake;
import io.borderlink.gateway.logging.LogContext;
import io.borderlink.gateway.partner.Direction;
import io.borderlink.gateway.partner.Partner;
import io.borderlink.gateway.partner.Partners;
import io.borderlink.gateway.pki.GatewayKeys;
import io.borderlink.gateway.pki.Trust;
import io.borderlink.gateway.submission.RejectedSubmissionException;
import io.borderlink.gateway.submission.SubmissionSettings;
import io.borderlink.gateway.submission.VerifiedExchange;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.xml.namespace.QName;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The verify step of the inbound flow for partners that deliver to us: the partner is known by its TLS
 * client certificate, which must chain to its own root; the message is parsed hardened, decrypted with
 * the gateway's key, its signature verified and bound to the same partner certificate, validated
 * against the partner format's schema and translated to the canonical exchange. A confidentiality label
 * bound to an exchange is verified and translated as an agency's is (LabelIntake).
 *
 * <p>The exchange id is derived from the partner and its MessageId, so a partner's retry of the same
 * message is recognised by the database as a duplicate, and a reused MessageId with other content is
 * refused as a replay.
 */
@Component("inboundVerifier")
public class InboundVerifier {

    /** The channel of a message that came as a file: exchange.channel, eight characters at most. */
    public static final String DROPPED = "DROP";

    private final Partners partners;
    private final Trust trust;
    private final XmlCrypto crypto;
    private final GatewayKeys keys;
    private final SubmissionSettings settings;
    private final LabelIntake labels;
    private final Clock clock;

    InboundVerifier(
            Partners partners,
            Trust trust,
            XmlCrypto crypto,
            GatewayKeys keys,
            SubmissionSettings settings,
            LabelIntake labels,
            Clock clock) {
        this.partners = partners;
        this.trust = trust;
        this.crypto = crypto;
        this.keys = keys;
        this.settings = settings;
        this.labels = labels;
        this.clock = clock;
    }

    public VerifiedExchange verify(Submission submission) {
        try {
            settings.requireSize(submission.document());
            Partner partner = sender(submission.client());
            return verify(
                    partner, submission.document(), submission.client(), submission.client(), submission.channel());
        } catch (RejectedSubmissionException e) {
            throw e;
        } catch (GatewayException e) {
            throw new RejectedSubmissionException(e, null, Digests.sha256(submission.document()));
        }
    }

    /**
     * A message a partner left in its file-drop import folder (docs/air-gap.md): the same checks as for one it
     * pushes, with the partner known by the folder and its signature bound to the certificate its file
     * registers, whose path must lead to the partner's own root, instead of to a TLS client.
     *
     * @param registered the certificate the partner's file registers, as the configuration in force read it
     */
    public VerifiedExchange verifyDropped(Partner partner, X509Certificate registered, byte[] file) {
        try {
            settings.requireSize(file);
            trust.validateAnchoredAt(partner.id(), partner.trustAnchor(), registered);
            return verify(partner, file, registered, null, DROPPED);
        } catch (RejectedSubmissionException e) {
            throw e;
        } catch (GatewayException e) {
            throw new RejectedSubmissionException(e, null, Digests.sha256(file));
        }
    }

    /**
     * @param expectedSigner whose signature the message must carry: the TLS client's, or the registered one
     * @param client the TLS client that delivered it; null for a file
     */
    private VerifiedExchange verify(
            Partner partner, byte[] original, X509Certificate expectedSigner, X509Certificate client, String channel) {
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String digest = Digests.sha256(original);
        UUID claimedId = null;
        try {
            LogContext.partner(partner.id());
            Document document = SecureXml.parse(original);
            Intake intake = intakeOf(partner);
            requireRoot(document, intake.root());
            claimedId = exchangeId(partner, intake.messageId(document));
            LogContext.exchange(claimedId);
            crypto.decrypt(
                    document, keys.decryption(), partner.format().protection().element());
            X509Certificate signer = crypto.verify(document);
            if (!signer.equals(expectedSigner)) {
                throw new GatewayException(
                        ErrorCode.ORIGINATOR_MISMATCH,
                        "the message is signed by " + signer.getSubjectX500Principal() + ", not by " + partner.id());
            }
            byte[] signed = Digests.canonicalXml(document);
            labels.apply(document, signer);
            Exchange exchange = intake.translate(document, partner.id(), claimedId);
            ExchangeXml.validate(ExchangeXml.toDocument(exchange));
            settings.requireFresh(
                    exchange.header().createdAt(), receivedAt, partner.inbound().maxAge());
            return new VerifiedExchange(
                    exchange,
                    original,
                    digest,
                    signed,
                    Digests.sha256(signed),
                    partner.format().mediaType(),
                    signer,
                    client,
                    partner.id(),
                    Direction.INBOUND,
                    channel,
                    receivedAt);
        } catch (GatewayException e) {
            throw new RejectedSubmissionException(e, claimedId, digest);
        }
    }

    /** The registered sender of the client certificate, whose path must lead to that partner's own root. */
    private Partner sender(X509Certificate client) {
        Partner partner = partners.current()
                .byCertificate(client)
                .orElseThrow(() -> new GatewayException(
                        ErrorCode.CERT_UNTRUSTED, "the TLS client certificate is not registered to a sending partner"));
        trust.validateAnchoredAt(partner.id(), partner.trustAnchor(), client);
        return partner;
    }

    private static Intake intakeOf(Partner partner) {
        return partner.format()
                .intake()
                .orElseThrow(() -> new GatewayException(
                        ErrorCode.ACCESS_DENIED,
                        partner.id() + " speaks " + partner.format().id() + " and is not pushed to us"));
    }

    private static void requireRoot(Document document, QName expected) {
        Element root = document.getDocumentElement();
        if (!expected.getNamespaceURI().equals(root.getNamespaceURI())
                || !expected.getLocalPart().equals(root.getLocalName())) {
            throw new GatewayException(
                    ErrorCode.PROFILE_VIOLATION,
                    "root element must be " + expected + ", found {" + root.getNamespaceURI() + "}"
                            + root.getLocalName());
        }
    }

    /** The MessageId comes from the readable header; the signature check that follows covers it. */
    static UUID exchangeId(Partner partner, String messageId) {
        return UUID.nameUUIDFromBytes((partner.id() + "/" + messageId).getBytes(StandardCharsets.UTF_8));
    }
}
