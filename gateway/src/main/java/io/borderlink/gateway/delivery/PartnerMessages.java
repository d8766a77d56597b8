package io.borderlink.gateway.delivery;

import io.borderlink.adapters.liaison.LiaisonTranslator;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.gateway.crypto.Certificates;
import io.borderlink.gateway.crypto.Digests;
import io.borderlink.gateway.crypto.XmlCrypto;
import io.borderlink.gateway.partner.Partner;
import io.borderlink.gateway.partner.PartnerDirectory;
import io.borderlink.gateway.pki.GatewayKeys;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
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
    private final Map<String, X509Certificate> partnerCertificates;
    private final Clock clock;

    PartnerMessages(
            LiaisonTranslator liaison, XmlCrypto crypto, GatewayKeys keys, PartnerDirectory partners, Clock clock) {
        this.liaison = liaison;
        this.crypto = crypto;
        this.keys = keys;
        this.partnerCertificates = partners.all().stream()
                .collect(Collectors.toUnmodifiableMap(
                        Partner::id, p -> Certificates.readCertificate(p.certificate()), (a, b) -> a));
        this.clock = clock;
    }

    public PartnerDocument translate(ShareDelivery share) {
        Partner partner = share.partner();
        Document document =
                switch (partner.format()) {
                    case LIAISON_SOAP ->
                        liaison.toLiaison(share.view(), share.shareId(), partner.id(), clock.instant());
                };
        return new PartnerDocument(share, document);
    }

    public ProtectedMessage protect(PartnerDocument translated) {
        Partner partner = translated.share().partner();
        Document document = translated.document();
        crypto.sign(document, keys.signing());
        crypto.encrypt(
                document,
                encryptedPart(partner).apply(document),
                partnerCertificates.get(partner.id()),
                partner.keyTransport());
        byte[] bytes = SecureXml.serialize(document);
        return new ProtectedMessage(translated.share(), document, bytes, Digests.sha256(bytes));
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
