package io.borderlink.gateway.support;

import io.borderlink.adapters.liaison.LiaisonTranslator;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.gateway.cli.PartnerDocuments;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a recipient does with a delivery: take the message out of the request (a SOAP body or a plain
 * POST), decrypt with its own key, verify the gateway's signature. Liaison partners receive a
 * LiaisonMessage, agencies the canonical Exchange.
 */
public final class PartnerSide {

    private static final XmlCrypto CRYPTO = new XmlCrypto();
    private static final PartnerDocuments PARTNER = new PartnerDocuments(CRYPTO);

    private PartnerSide() {}

    /** The protected LiaisonMessage of a Deliver request, as a document of its own. */
    public static Document message(byte[] soapRequest) {
        return element(soapRequest, LiaisonTranslator.NAMESPACE, "LiaisonMessage");
    }

    /** Decrypts with the partner's key and verifies the signature; returns the plaintext message and signer. */
    public static Opened open(byte[] soapRequest, String partner) {
        return open(message(soapRequest), partner);
    }

    /** The same for an agency: the Exchange of a REST POST or of a ReceiveExchange request. */
    public static Opened openExchange(byte[] request, String agency) {
        return open(element(request, ExchangeXml.NAMESPACE, "Exchange"), agency);
    }

    private static Opened open(Document document, String identity) {
        CRYPTO.decrypt(document, DevPki.key(identity).privateKey());
        X509Certificate signer = CRYPTO.verify(document);
        return new Opened(document, signer);
    }

    private static Document element(byte[] request, String namespace, String localName) {
        Element found = (Element) SecureXml.parse(request)
                .getElementsByTagNameNS(namespace, localName)
                .item(0);
        Document document = SecureXml.newDocument();
        document.appendChild(document.importNode(found, true));
        return SecureXml.parse(SecureXml.serialize(document));
    }

    /**
     * What a partner sends us: a message in its own format (a sample) with a fresh MessageId and
     * CorrelationId and the header values given, signed with the {@code signer}'s certs-dev key and its
     * content encrypted to the gateway.
     */
    public static Sent send(String signer, byte[] sample, Map<String, String> header) {
        Document message = SecureXml.parse(sample);
        UUID messageId = PartnerDocuments.stamp(message, header);
        return new Sent(messageId, PARTNER.protect(message, DevPki.key(signer), DevPki.certificate("gateway-enc")));
    }

    /** A message a partner sent, with the MessageId it carries. */
    public record Sent(UUID messageId, byte[] bytes) {}

    public record Opened(Document message, X509Certificate signer) {}
}
