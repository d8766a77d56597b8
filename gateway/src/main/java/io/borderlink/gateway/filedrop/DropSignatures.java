package io.borderlink.gateway.filedrop;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.gateway.pki.Trust;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;

/**
 * The signature on a manifest or receipt file from a file-drop partner or agency: the profile's whole-document
 * signature (contracts/PROFILE.md), made with a certificate that source registers, whose path leads to its
 * own root (a partner's) or to the national root (an agency's), revocation included.
 */
@Component
class DropSignatures {

    private final XmlCrypto crypto;
    private final Trust trust;

    DropSignatures(XmlCrypto crypto, Trust trust) {
        this.crypto = crypto;
        this.trust = trust;
    }

    /** The file's document, once its signature verified as the source's. */
    Document verified(DropSource source, byte[] file) {
        Document document = SecureXml.parse(file);
        X509Certificate signer = crypto.verify(document);
        if (!source.certificates().contains(signer)) {
            throw new GatewayException(
                    ErrorCode.ORIGINATOR_MISMATCH,
                    "signed by " + signer.getSubjectX500Principal() + ", not with a certificate " + source.id()
                            + " registers");
        }
        if (source.partner() != null) {
            Path anchor = source.partner().trustAnchor();
            trust.validateAnchoredAt(source.id(), anchor, signer);
        } else {
            trust.validateAgency(signer);
        }
        return document;
    }
}
