package io.borderlink.gateway.outbound;

import io.borderlink.contracts.api.Submission;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.Digests;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.gateway.agency.Agencies;
import io.borderlink.gateway.agency.Agency;
import io.borderlink.gateway.agency.AgencyDirectory;
import io.borderlink.gateway.labels.LabelIntake;
import io.borderlink.gateway.logging.LogContext;
import io.borderlink.gateway.partner.Direction;
import io.borderlink.gateway.pki.GatewayKeys;
import io.borderlink.gateway.pki.Trust;
import io.borderlink.gateway.submission.RejectedSubmissionException;
import io.borderlink.gateway.submission.SubmissionSettings;
import io.borderlink.gateway.submission.VerifiedExchange;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.xml.namespace.QName;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The verify step of the outbound flow: every check an agency submission must pass before anything is
 * stored, in the order of contracts/PROFILE.md — hardened parse, algorithm allow-list, decrypt, verify
 * the whole-document signature, the signer's path to the agency trust anchor with revocation, the
 * canonical schema, a bound confidentiality label (LabelIntake), one identity behind TLS client, signer and
 * originator, and freshness.
 */
@Component("outboundVerifier")
public class OutboundVerifier {

    private static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    private static final QName BODY = new QName(ExchangeXml.NAMESPACE, "Body");

    private final XmlCrypto crypto;
    private final GatewayKeys keys;
    private final Trust trust;
    private final Agencies agencies;
    private final SubmissionSettings settings;
    private final LabelIntake labels;
    private final Clock clock;

    OutboundVerifier(
            XmlCrypto crypto,
            GatewayKeys keys,
            Trust trust,
            Agencies agencies,
            SubmissionSettings settings,
            LabelIntake labels,
            Clock clock) {
        this.crypto = crypto;
        this.keys = keys;
        this.trust = trust;
        this.agencies = agencies;
        this.settings = settings;
        this.labels = labels;
        this.clock = clock;
    }

    public VerifiedExchange verify(Submission submission) {
        // Microseconds are what the database keeps, so a repeated receipt is identical to the first.
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        byte[] original = submission.document();
        String digest = Digests.sha256(original);
        UUID claimedId = null;
        try {
            settings.requireSize(original);
            Document document = SecureXml.parse(original);
            requireExchangeRoot(document);
            claimedId = claimedExchangeId(document);
            LogContext.exchange(claimedId);
            requireEncryptedBody(document);
            crypto.decrypt(document, keys.decryption(), BODY);
            X509Certificate signer = crypto.verify(document);
            trust.validateAgency(signer);
            ExchangeXml.validate(document);
            byte[] signed = Digests.canonicalXml(document);
            labels.apply(document, signer);
            Exchange exchange = ExchangeXml.read(document);
            Agency agency = bind(submission.client(), signer, exchange.header().originator());
            LogContext.agency(agency.id());
            settings.requireFresh(exchange.header().createdAt(), receivedAt, settings.maxAge());
            return new VerifiedExchange(
                    exchange,
                    original,
                    digest,
                    signed,
                    Digests.sha256(signed),
                    "application/xml",
                    signer,
                    submission.client(),
                    agency.id(),
                    Direction.OUTBOUND,
                    submission.channel(),
                    receivedAt);
        } catch (GatewayException e) {
            throw new RejectedSubmissionException(e, claimedId, digest);
        }
    }

    private static void requireExchangeRoot(Document document) {
        Element root = document.getDocumentElement();
        if (!ExchangeXml.NAMESPACE.equals(root.getNamespaceURI()) || !"Exchange".equals(root.getLocalName())) {
            throw new GatewayException(
                    ErrorCode.PROFILE_VIOLATION,
                    "root element must be Exchange in " + ExchangeXml.NAMESPACE + ", found " + root.getLocalName());
        }
    }

    /**
     * The profile encrypts the Body, which follows the Header and the Markings or the label's
     * BindingInformation (or both), and is followed only by the signature: the encrypted part must stand
     * exactly there, as a child of Exchange. That it decrypts to Body is checked when it is decrypted.
     */
    private static void requireEncryptedBody(Document document) {
        List<Element> children = new ArrayList<>();
        for (Node node = document.getDocumentElement().getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        int at = -1;
        for (int i = 0; i < children.size(); i++) {
            if (XENC.equals(children.get(i).getNamespaceURI())
                    && "EncryptedData".equals(children.get(i).getLocalName())) {
                at = i;
                break;
            }
        }
        boolean placed = at >= 2
                && Set.of("Markings", "BindingInformation")
                        .contains(children.get(at - 1).getLocalName())
                && at >= children.size() - 2;
        if (!placed) {
            throw new GatewayException(
                    ErrorCode.PROFILE_VIOLATION,
                    "the encrypted Body must follow the markings or the label, as a child of Exchange");
        }
    }

    /** The id the plaintext header claims, read before decryption only to name a refusal in the audit. */
    private static UUID claimedExchangeId(Document document) {
        NodeList ids = document.getElementsByTagNameNS(ExchangeXml.NAMESPACE, "ExchangeId");
        if (ids.getLength() == 0) {
            return null;
        }
        try {
            return UUID.fromString(ids.item(0).getTextContent().trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** TLS client, signer and header originator must be one registered agency, matched by full certificate. */
    private Agency bind(X509Certificate client, X509Certificate signer, String originator) {
        if (!client.equals(signer)) {
            trust.validateAgency(client);
        }
        AgencyDirectory inForce = agencies.current();
        Agency byClient = inForce.byCertificate(client)
                .orElseThrow(() -> mismatch("the TLS client certificate is not registered to any agency"));
        Agency bySigner = inForce.byCertificate(signer)
                .orElseThrow(() -> mismatch("the signing certificate is not registered to any agency"));
        if (!byClient.id().equals(bySigner.id()) || !bySigner.id().equals(originator)) {
            throw mismatch("TLS client " + byClient.id() + ", signer " + bySigner.id() + " and originator " + originator
                    + " must be the same agency");
        }
        return bySigner;
    }

    private static GatewayException mismatch(String message) {
        return new GatewayException(ErrorCode.ORIGINATOR_MISMATCH, message);
    }
}
