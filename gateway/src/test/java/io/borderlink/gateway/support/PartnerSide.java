package io.borderlink.gateway.support;

import io.borderlink.adapters.liaison.LiaisonTranslator;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.gateway.crypto.XmlCrypto;
import java.security.cert.X509Certificate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** What a liaison partner does with a delivery: take the message out of the SOAP body, decrypt, verify. */
public final class PartnerSide {

    private static final XmlCrypto CRYPTO = new XmlCrypto();

    private PartnerSide() {}

    /** The protected LiaisonMessage of a Deliver request, as a document of its own. */
    public static Document message(byte[] soapRequest) {
        Document envelope = SecureXml.parse(soapRequest);
        Element message = (Element) envelope.getElementsByTagNameNS(LiaisonTranslator.NAMESPACE, "LiaisonMessage")
                .item(0);
        Document document = SecureXml.newDocument();
        document.appendChild(document.importNode(message, true));
        return SecureXml.parse(SecureXml.serialize(document));
    }

    /** Decrypts with the partner's key and verifies the signature; returns the plaintext message and signer. */
    public static Opened open(byte[] soapRequest, String partner) {
        Document document = message(soapRequest);
        CRYPTO.decrypt(document, DevPki.key(partner).privateKey());
        X509Certificate signer = CRYPTO.verify(document);
        return new Opened(document, signer);
    }

    public record Opened(Document message, X509Certificate signer) {}
}
