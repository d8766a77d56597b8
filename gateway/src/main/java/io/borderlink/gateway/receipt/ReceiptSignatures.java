package io.borderlink.gateway.receipt;

import io.borderlink.adapters.format.ReceiptFormat;
import io.borderlink.adapters.format.ReceiptFormat.Claims;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.CertifiedJws;
import io.borderlink.crypto.JoseCrypto;
import io.borderlink.crypto.SigningKey;
import io.borderlink.crypto.XmlCrypto;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;

/**
 * Signs and opens receipts as their format says they are signed: an XML receipt under the XML-DSig
 * profile of every signed document (the certificate in its KeyInfo), a JSON one as a JWS carrying its
 * certificate chain. Who the signer may be is the caller's to decide.
 */
@Component
public class ReceiptSignatures {

    private final XmlCrypto xml;
    private final CertifiedJws jws;

    ReceiptSignatures(XmlCrypto xml, JoseCrypto jose) {
        this.xml = xml;
        this.jws = new CertifiedJws(jose);
    }

    /** A receipt that verified: what it says, the bytes that were signed, and by whom. */
    public record Opened(Claims claims, byte[] signed, X509Certificate signer, String mediaType) {}

    public byte[] sign(ReceiptFormat format, Claims claims, SigningKey key) {
        byte[] statement = format.statement(claims);
        return switch (format.signature()) {
            case XML_DSIG -> {
                Document document = SecureXml.parse(statement);
                xml.sign(document, key);
                yield SecureXml.serialize(document);
            }
            case JWS -> jws.sign(statement, key).getBytes(StandardCharsets.US_ASCII);
        };
    }

    /** Verifies the signature and reads the receipt; any failure is the crypto's or the format's exception. */
    public Opened open(ReceiptFormat format, byte[] signed) {
        return switch (format.signature()) {
            case XML_DSIG -> {
                // One parse: the claims are read from the very document whose signature verified.
                Document document = SecureXml.parse(signed);
                X509Certificate signer = xml.verify(document);
                yield new Opened(format.claims(document), signed, signer, "application/xml");
            }
            case JWS -> {
                CertifiedJws.Verified verified = jws.verify(new String(signed, StandardCharsets.US_ASCII));
                yield new Opened(format.claims(verified.payload()), signed, verified.signer(), "application/jose");
            }
        };
    }
}
