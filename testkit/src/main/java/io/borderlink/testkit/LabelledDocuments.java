package io.borderlink.testkit;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.label.ConfidentialityLabel;
import io.borderlink.contracts.label.LabelXml;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.KeyTransport;
import io.borderlink.crypto.SigningKey;
import io.borderlink.crypto.XmlCrypto;
import java.security.cert.X509Certificate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What an agency system that labels its exchanges does (docs/labels.md): name the Body, bind a confidentiality
 * label to it and sign the binding, keep or leave out the markings; then, as every agency, sign the whole
 * document and encrypt its Body to the gateway. Tests change a bound document between the two steps to play
 * a labelling system that swapped a label or changed the data after binding.
 */
public final class LabelledDocuments {

    /** The Id the Body gets, which the binding's DataReference names. */
    public static final String BODY_ID = "payload";

    private final XmlCrypto crypto;

    public LabelledDocuments(XmlCrypto crypto) {
        this.crypto = crypto;
    }

    /** The exchange with {@code label} bound to its Body and signed by {@code labeller}, not yet signed whole. */
    public Document bound(Exchange exchange, ConfidentialityLabel label, boolean withMarkings, SigningKey labeller) {
        Document document = ExchangeXml.toDocument(exchange);
        Element body = body(document);
        body.setAttributeNS(null, LabelXml.ID, BODY_ID);
        Element binding = LabelXml.bind(document, label, body, "label");
        document.getDocumentElement().insertBefore(binding, body);
        if (!withMarkings) {
            Element markings = (Element) document.getElementsByTagNameNS(ExchangeXml.NAMESPACE, "Markings")
                    .item(0);
            document.getDocumentElement().removeChild(markings);
        }
        crypto.signBinding(binding, body, labeller);
        return SecureXml.parse(SecureXml.serialize(document));
    }

    /** Signs the whole document and encrypts its Body to the gateway (contracts/PROFILE.md). */
    public byte[] protect(Document bound, SigningKey signer, X509Certificate gateway) {
        crypto.protect(bound, body(bound), signer, gateway, KeyTransport.RSA_OAEP);
        return SecureXml.serialize(bound);
    }

    public static Element body(Document document) {
        return (Element)
                document.getElementsByTagNameNS(ExchangeXml.NAMESPACE, "Body").item(0);
    }

    /** The label element of the document's binding. */
    public static Element label(Document document) {
        return (Element) document.getElementsByTagNameNS(LabelXml.LABEL_NAMESPACE, LabelXml.LABEL)
                .item(0);
    }
}
