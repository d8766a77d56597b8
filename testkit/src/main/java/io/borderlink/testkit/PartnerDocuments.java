package io.borderlink.testkit;

import io.borderlink.adapters.liaison.LiaisonTranslator;
import io.borderlink.adapters.wco.WcoTranslator;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.KeyTransport;
import io.borderlink.crypto.SigningKey;
import io.borderlink.crypto.XmlCrypto;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.xml.namespace.QName;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a partner that pushes to us does before it sends (contracts/PROFILE.md, partner messages): give
 * the message a MessageId and creation time, sign it, and encrypt its content element to the gateway.
 * Used by the tools' {@code partner-send} and by the tests that play partners.
 */
public final class PartnerDocuments {

    private final XmlCrypto crypto;

    public PartnerDocuments(XmlCrypto crypto) {
        this.crypto = crypto;
    }

    /**
     * Sets header fields of a liaison or enforcement message: a fresh MessageId and CorrelationId unless
     * {@code header} names them, and whatever else it names (Created, From, …).
     *
     * @return the MessageId the message now carries
     */
    public static UUID stamp(Document message, Map<String, String> header) {
        String namespace = message.getDocumentElement().getNamespaceURI();
        Element headerElement =
                (Element) message.getElementsByTagNameNS(namespace, "Header").item(0);
        String fresh = UUID.randomUUID().toString();
        Map<String, String> values = new HashMap<>(Map.of("MessageId", fresh, "CorrelationId", fresh));
        values.putAll(header);
        values.forEach((name, value) ->
                headerElement.getElementsByTagNameNS(namespace, name).item(0).setTextContent(value));
        return UUID.fromString(values.get("MessageId"));
    }

    /** Signs the whole message with the partner's key and encrypts its content element to the gateway. */
    public byte[] protect(Document message, SigningKey partner, X509Certificate gateway) {
        QName content = contentOf(message);
        Element element = (Element) message.getElementsByTagNameNS(content.getNamespaceURI(), content.getLocalPart())
                .item(0);
        crypto.protect(message, element, partner, gateway, KeyTransport.RSA_OAEP);
        return SecureXml.serialize(message);
    }

    /** Whether the message is a liaison message (SOAP) rather than an enforcement message (REST). */
    public static boolean isLiaison(Document message) {
        return LiaisonTranslator.NAMESPACE.equals(message.getDocumentElement().getNamespaceURI());
    }

    private static QName contentOf(Document message) {
        return isLiaison(message) ? LiaisonTranslator.CONTENT : WcoTranslator.REPORT;
    }
}
