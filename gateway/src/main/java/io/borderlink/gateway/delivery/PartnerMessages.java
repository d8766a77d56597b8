package io.borderlink.gateway.delivery;

import io.borderlink.adapters.liaison.LiaisonTranslator;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.gateway.crypto.Certificates;
import io.borderlink.gateway.crypto.Digests;
import io.borderlink.gateway.crypto.XmlCrypto;
import io.borderlink.gateway.partner.Partner;
import io.borderlink.gateway.pki.GatewayKeys;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The translate and protect steps: a partner view becomes a message in the partner's own format, signed
 * by the gateway and encrypted to the partner's certificate with the partner's key transport.
 */
@Component("partnerMessages")
public class PartnerMessages {

    private final LiaisonTranslator liaison;
    private final XmlCrypto crypto;
    private final GatewayKeys keys;
    /** Parsed once per file: reading and parsing a certificate for every message would be waste. */
    private final Map<Path, X509Certificate> certificates = new ConcurrentHashMap<>();

    private final Clock clock;

    PartnerMessages(LiaisonTranslator liaison, XmlCrypto crypto, GatewayKeys keys, Clock clock) {
        this.liaison = liaison;
        this.crypto = crypto;
        this.keys = keys;
        this.clock = clock;
    }

    public PartnerDocument translate(ShareDelivery share) {
        return new PartnerDocument(share, render(share.view(), share.partner(), share.shareId()));
    }

    /** The partner view in the partner's own format, unsigned and unencrypted (also what a dry run shows). */
    public Document render(Exchange view, Partner partner, UUID messageId) {
        return switch (partner.format()) {
            case LIAISON_SOAP -> liaison.toLiaison(view, messageId, partner.id(), clock.instant());
        };
    }

    public ProtectedMessage protect(PartnerDocument translated) {
        Partner partner = translated.share().partner();
        Document document = translated.document();
        crypto.protect(
                document,
                encryptedPart(partner).apply(document),
                keys.signing(),
                certificates.computeIfAbsent(partner.certificate(), Certificates::readCertificate),
                partner.keyTransport());
        byte[] bytes = SecureXml.serialize(document);
        return new ProtectedMessage(translated.share(), bytes, Digests.sha256(bytes));
    }

    /** Which element of a partner message is encrypted; the header stays readable for routing at the partner. */
    private static Function<Document, Element> encryptedPart(Partner partner) {
        return switch (partner.format()) {
            case LIAISON_SOAP ->
                document -> (Element) document.getElementsByTagNameNS(
                                LiaisonTranslator.CONTENT.getNamespaceURI(), LiaisonTranslator.CONTENT.getLocalPart())
                        .item(0);
        };
    }
}
