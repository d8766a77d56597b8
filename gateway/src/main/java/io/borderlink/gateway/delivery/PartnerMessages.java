package io.borderlink.gateway.delivery;

import io.borderlink.adapters.interpol.NoticeWriter;
import io.borderlink.adapters.liaison.LiaisonTranslator;
import io.borderlink.adapters.wco.WcoTranslator;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.Digests;
import io.borderlink.crypto.JoseCrypto;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.gateway.partner.Recipient;
import io.borderlink.gateway.partner.WireFormat;
import io.borderlink.gateway.pki.GatewayKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.namespace.QName;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The translate and protect steps: a partner view becomes a message in the partner's own format (an
 * agency view, the canonical exchange), signed by the gateway and encrypted to the recipient's
 * certificate. XML recipients get the XML profile of contracts/PROFILE.md (the element carrying the
 * content is encrypted, the header stays readable for routing); JSON partners get a JWS nested in a JWE.
 */
@Component("partnerMessages")
public class PartnerMessages {

    private final LiaisonTranslator liaison;
    private final WcoTranslator wco;
    private final NoticeWriter notices;
    private final XmlCrypto crypto;
    private final JoseCrypto jose;
    private final GatewayKeys keys;
    private final Clock clock;

    /** Parsed once per file: reading and parsing a certificate for every message would be waste. */
    private final Map<Path, X509Certificate> certificates = new ConcurrentHashMap<>();

    PartnerMessages(
            LiaisonTranslator liaison,
            WcoTranslator wco,
            NoticeWriter notices,
            XmlCrypto crypto,
            JoseCrypto jose,
            GatewayKeys keys,
            Clock clock) {
        this.liaison = liaison;
        this.wco = wco;
        this.notices = notices;
        this.crypto = crypto;
        this.jose = jose;
        this.keys = keys;
        this.clock = clock;
    }

    public PartnerDocument translate(ShareDelivery share) {
        return new PartnerDocument(share, render(share.view(), share.recipient(), share.shareId()));
    }

    /** The view in the recipient's own format, unprotected (also what officers and dry runs see). */
    public Rendered render(Exchange view, Recipient recipient, UUID messageId) {
        WireFormat format = recipient.format();
        return switch (format) {
            case LIAISON_SOAP ->
                Rendered.xml(format, liaison.toLiaison(view, messageId, recipient.id(), clock.instant()));
            case WCO_XML -> Rendered.xml(format, wco.toWco(view, messageId, recipient.id(), clock.instant()));
            case NOTICE_JSON -> Rendered.json(format, notices.write(view, messageId, recipient.id(), clock.instant()));
            case AGENCY_REST, AGENCY_SOAP -> Rendered.xml(format, ExchangeXml.toDocument(view));
        };
    }

    public ProtectedMessage protect(PartnerDocument translated) {
        Recipient recipient = translated.share().recipient();
        X509Certificate certificate =
                certificates.computeIfAbsent(recipient.certificate(), Certificates::readCertificate);
        byte[] signed;
        byte[] bytes;
        if (recipient.format() == WireFormat.NOTICE_JSON) {
            signed = jose.sign(translated.rendered().json(), keys.signing()).getBytes(StandardCharsets.US_ASCII);
            bytes = jose.encrypt(signed, certificate).getBytes(StandardCharsets.US_ASCII);
        } else {
            Document document = translated.rendered().xml();
            signed = crypto.protect(
                    document,
                    encrypted(recipient.format(), document),
                    keys.signing(),
                    certificate,
                    recipient.keyTransport());
            bytes = SecureXml.serialize(document);
        }
        return new ProtectedMessage(translated.share(), bytes, Digests.sha256(bytes), signed, Digests.sha256(signed));
    }

    /** The element whose content nobody may read in transit; the header stays readable. */
    private static Element encrypted(WireFormat format, Document document) {
        QName part =
                switch (format) {
                    case LIAISON_SOAP -> LiaisonTranslator.CONTENT;
                    case WCO_XML -> WcoTranslator.REPORT;
                    case AGENCY_REST, AGENCY_SOAP -> new QName(ExchangeXml.NAMESPACE, "Body");
                    case NOTICE_JSON -> throw new IllegalArgumentException("JSON partners are protected with JOSE");
                };
        return (Element) document.getElementsByTagNameNS(part.getNamespaceURI(), part.getLocalPart())
                .item(0);
    }
}
