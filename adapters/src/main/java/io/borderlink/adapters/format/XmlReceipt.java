package io.borderlink.adapters.format;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.xml.SecureXml;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.BiFunction;
import javax.xml.namespace.QName;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A receipt that is a signed XML element with {@code MessageId}, {@code ReceivedDigest} and
 * {@code ReceivedAt} children in its own namespace, either the whole answer or inside it (a SOAP
 * response). The signed bytes travel verbatim, so the exclusive-c14n signature survives being embedded.
 */
public final class XmlReceipt implements ReceiptFormat {

    private final QName element;
    private final String contentType;
    private final BiFunction<byte[], Claims, byte[]> embedding;

    /**
     * @param embedding makes the answer from the signed receipt (without its XML declaration) and its claims
     */
    public XmlReceipt(QName element, String contentType, BiFunction<byte[], Claims, byte[]> embedding) {
        this.element = element;
        this.contentType = contentType;
        this.embedding = embedding;
    }

    /** A receipt that is the whole answer. */
    public static XmlReceipt whole(QName element) {
        return new XmlReceipt(element, "application/xml", (signed, claims) -> signed);
    }

    @Override
    public Signature signature() {
        return Signature.XML_DSIG;
    }

    /** An empty answer carries no receipt; one the parser refuses is {@code RECEIPT_INVALID}, with its reason. */
    @Override
    public Optional<byte[]> find(byte[] answer) {
        if (new String(answer, StandardCharsets.UTF_8).isBlank()) {
            return Optional.empty();
        }
        Document document;
        try {
            document = SecureXml.parse(answer);
        } catch (GatewayException e) {
            throw new GatewayException(
                    ErrorCode.RECEIPT_INVALID, "the answer is not XML to read: " + e.code() + " " + e.getMessage(), e);
        }
        Node found = document.getElementsByTagNameNS(element.getNamespaceURI(), element.getLocalPart())
                .item(0);
        if (found == null) {
            return Optional.empty();
        }
        Document alone = SecureXml.newDocument();
        alone.appendChild(alone.importNode(found, true));
        return Optional.of(SecureXml.serialize(alone));
    }

    @Override
    public Claims claims(Document signed) {
        Element root = signed.getDocumentElement();
        if (!element.getNamespaceURI().equals(root.getNamespaceURI())
                || !element.getLocalPart().equals(root.getLocalName())) {
            throw new GatewayException(ErrorCode.RECEIPT_INVALID, "the receipt is not a " + element);
        }
        try {
            return new Claims(
                    text(root, "MessageId"), text(root, "ReceivedDigest"), Instant.parse(text(root, "ReceivedAt")));
        } catch (DateTimeParseException e) {
            throw new GatewayException(ErrorCode.RECEIPT_INVALID, "the receipt's ReceivedAt is not a time", e);
        }
    }

    @Override
    public byte[] statement(Claims claims) {
        Document document = SecureXml.newDocument();
        Element receipt = document.createElementNS(element.getNamespaceURI(), element.getLocalPart());
        document.appendChild(receipt);
        append(receipt, "MessageId", claims.messageId());
        append(receipt, "ReceivedDigest", claims.receivedDigest());
        append(receipt, "ReceivedAt", claims.receivedAt().toString());
        return SecureXml.serialize(document);
    }

    @Override
    public Answer answer(byte[] signedReceipt, Claims claims) {
        return new Answer(contentType, embedding.apply(withoutDeclaration(signedReceipt), claims));
    }

    private void append(Element parent, String name, String text) {
        Element child = parent.getOwnerDocument().createElementNS(element.getNamespaceURI(), name);
        child.setTextContent(text);
        parent.appendChild(child);
    }

    private String text(Element root, String name) {
        Node node = root.getElementsByTagNameNS(element.getNamespaceURI(), name).item(0);
        if (node == null || node.getParentNode() != root) {
            throw new GatewayException(ErrorCode.RECEIPT_INVALID, "the receipt has no " + name);
        }
        return node.getTextContent().strip();
    }

    private static byte[] withoutDeclaration(byte[] xml) {
        String text = new String(xml, StandardCharsets.UTF_8);
        return (text.startsWith("<?xml")
                        ? text.substring(text.indexOf("?>") + 2).stripLeading()
                        : text)
                .getBytes(StandardCharsets.UTF_8);
    }
}
