package io.borderlink.testkit;

import io.borderlink.adapters.format.ReceiptFormat;
import io.borderlink.adapters.liaison.LiaisonTranslator;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.CertifiedJws;
import io.borderlink.crypto.JoseCrypto;
import io.borderlink.crypto.SigningKey;
import io.borderlink.crypto.XmlCrypto;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a recipient does with a delivery: take the message out of the request (a SOAP body or a plain
 * POST), decrypt with its own key, verify the gateway's signature. Liaison partners receive a
 * LiaisonMessage, agencies the canonical Exchange. And what a partner does before it sends to us.
 */
public final class PartnerSide {

    private static final XmlCrypto CRYPTO = new XmlCrypto();
    private static final PartnerDocuments PARTNER = new PartnerDocuments(CRYPTO);
    private static final CertifiedJws JWS = new CertifiedJws(new JoseCrypto());

    private PartnerSide() {}

    /** The protected LiaisonMessage of a Deliver request, as a document of its own. */
    public static Document message(byte[] soapRequest) {
        return element(soapRequest, LiaisonTranslator.NAMESPACE, "LiaisonMessage");
    }

    /** Decrypts with the partner's key and verifies the signature; returns the plaintext message and signer. */
    public static Opened open(byte[] soapRequest, String partner) {
        return open(message(soapRequest), DevPki.key(partner).privateKey());
    }

    /** The same for an agency: the Exchange of a REST POST or of a ReceiveExchange request. */
    public static Opened openExchange(byte[] request, String agency) {
        return open(
                element(request, ExchangeXml.NAMESPACE, "Exchange"),
                DevPki.key(agency).privateKey());
    }

    /** Decrypts the document in place and verifies its signature. */
    static Opened open(Document document, PrivateKey key) {
        CRYPTO.decrypt(document, key);
        X509Certificate signer = CRYPTO.verify(document);
        return new Opened(document, signer);
    }

    /** The one element of the request, as a document of its own, or PROFILE_VIOLATION when there is none. */
    static Document element(byte[] request, String namespace, String localName) {
        Element found = (Element) SecureXml.parse(request)
                .getElementsByTagNameNS(namespace, localName)
                .item(0);
        if (found == null) {
            throw new GatewayException(ErrorCode.PROFILE_VIOLATION, "no " + localName + " in the request");
        }
        Document document = SecureXml.newDocument();
        document.appendChild(document.importNode(found, true));
        return SecureXml.parse(SecureXml.serialize(document));
    }

    /**
     * What a partner sends us: a message in its own format (a sample) with a fresh MessageId and
     * CorrelationId and the header values given, signed with the {@code signer}'s certs-dev key and its
     * content encrypted to the gateway (to its EC key when the signer's is EC).
     */
    public static Sent send(String signer, byte[] sample, Map<String, String> header) {
        return send(DevPki.key(signer), sample, header);
    }

    /** The same, signed with a key of the partner's own (a test PKI's, say). */
    public static Sent send(SigningKey signer, byte[] sample, Map<String, String> header) {
        Document message = SecureXml.parse(sample);
        UUID messageId = PartnerDocuments.stamp(message, header);
        return new Sent(messageId, PARTNER.protect(message, signer, DevPki.gatewayEncryptionFor(signer)));
    }

    /**
     * What a receiver answers with its signed receipt, in the receipt's format, signed with the {@code signer}'s
     * certs-dev key the way the format says (XML-DSig under the profile, or a JWS carrying its certificate).
     */
    public static ReceiptFormat.Answer receipt(ReceiptFormat format, ReceiptFormat.Claims claims, String signer) {
        return receipt(format, claims, DevPki.key(signer));
    }

    /** The same, signed with a key of the receiver's own (a test PKI's, say). */
    public static ReceiptFormat.Answer receipt(ReceiptFormat format, ReceiptFormat.Claims claims, SigningKey key) {
        byte[] statement = format.statement(claims);
        byte[] signed =
                switch (format.signature()) {
                    case XML_DSIG -> {
                        Document document = SecureXml.parse(statement);
                        CRYPTO.sign(document, key);
                        yield SecureXml.serialize(document);
                    }
                    case JWS -> JWS.sign(statement, key).getBytes(StandardCharsets.US_ASCII);
                };
        return format.answer(signed, claims);
    }

    /** A message a partner sent, with the MessageId it carries. */
    public record Sent(UUID messageId, byte[] bytes) {}

    public record Opened(Document message, X509Certificate signer) {}
}
