package io.borderlink.gateway.delivery;

import io.borderlink.adapters.interpol.NoticeWriter;
import io.borderlink.adapters.liaison.LiaisonTranslator;
import io.borderlink.adapters.wco.WcoTranslator;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.gateway.crypto.Certificates;
import io.borderlink.gateway.crypto.Digests;
import io.borderlink.gateway.crypto.JoseCrypto;
import io.borderlink.gateway.crypto.XmlCrypto;
import io.borderlink.gateway.partner.Partner;
import io.borderlink.gateway.partner.PartnerFormat;
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
 * The translate and protect steps: a partner view becomes a message in the partner's own format, signed
 * by the gateway and encrypted to the partner's certificate. XML partners get the XML profile of
 * contracts/PROFILE.md (the element carrying the content is encrypted, the header stays readable for
 * routing at the partner); JSON partners get a JWS nested in a JWE.
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
        return new PartnerDocument(share, render(share.view(), share.partner(), share.shareId()));
    }

    /** The partner view in the partner's own format, unprotected (also what officers and dry runs see). */
    public Rendered render(Exchange view, Partner partner, UUID messageId) {
        return switch (partner.format()) {
            case LIAISON_SOAP ->
                Rendered.xml(partner.format(), liaison.toLiaison(view, messageId, partner.id(), clock.instant()));
            case WCO_XML -> Rendered.xml(partner.format(), wco.toWco(view, messageId, partner.id(), clock.instant()));
            case NOTICE_JSON ->
                Rendered.json(partner.format(), notices.write(view, messageId, partner.id(), clock.instant()));
        };
    }

    public ProtectedMessage protect(PartnerDocument translated) {
        Partner partner = translated.share().partner();
        X509Certificate recipient = certificates.computeIfAbsent(partner.certificate(), Certificates::readCertificate);
        byte[] signed;
        byte[] bytes;
        if (partner.format() == PartnerFormat.NOTICE_JSON) {
            signed = jose.sign(translated.rendered().json(), keys.signing()).getBytes(StandardCharsets.US_ASCII);
            bytes = jose.encrypt(signed, recipient).getBytes(StandardCharsets.US_ASCII);
        } else {
            Document document = translated.rendered().xml();
            signed = crypto.protect(
                    document, encrypted(partner, document), keys.signing(), recipient, partner.keyTransport());
            bytes = SecureXml.serialize(document);
        }
        return new ProtectedMessage(translated.share(), bytes, Digests.sha256(bytes), signed, Digests.sha256(signed));
    }

    /** The element whose content the partner must not see in transit; the header stays readable. */
    private static Element encrypted(Partner partner, Document document) {
        QName part =
                switch (partner.format()) {
                    case LIAISON_SOAP -> LiaisonTranslator.CONTENT;
                    case WCO_XML -> WcoTranslator.REPORT;
                    case NOTICE_JSON -> throw new IllegalArgumentException("JSON partners are protected with JOSE");
                };
        return (Element) document.getElementsByTagNameNS(part.getNamespaceURI(), part.getLocalPart())
                .item(0);
    }
}
