package io.borderlink.crypto;

import io.borderlink.contracts.xml.SecureXml;
import org.apache.xml.security.c14n.InvalidCanonicalizerException;
import org.apache.xml.security.encryption.DocumentSerializer;
import org.apache.xml.security.encryption.XMLEncryptionException;
import org.w3c.dom.Document;
import org.w3c.dom.DocumentFragment;
import org.w3c.dom.Node;

/**
 * What a decryption yields, parsed as every document is here ({@link SecureXml}: no DTD, bounded depth and
 * attributes) in the namespace context of the place it goes to. XML Security's own deserializers parse it with
 * no depth limit on this JDK and import it recursively, so a deep enough tree inside an {@code EncryptedData}
 * ended in a StackOverflowError rather than a refusal. A refusal here is a {@code GatewayException} with the
 * parser's code: the content was decrypted and authenticated, so it says nothing about the key.
 */
final class DecryptedContent extends DocumentSerializer {

    private static final DecryptedContent INSTANCE = create();

    private DecryptedContent() throws InvalidCanonicalizerException {
        super(true);
    }

    /** Replaces {@code encrypted} by the content it decrypted to. */
    static void replace(Node encrypted, byte[] content) throws XMLEncryptionException {
        Node parent = encrypted.getParentNode();
        parent.replaceChild(INSTANCE.deserialize(content, parent), encrypted);
    }

    @Override
    public Node deserialize(byte[] source, Node context) throws XMLEncryptionException {
        Document parsed = SecureXml.parse(createContext(source, context));
        Document target = context instanceof Document document ? document : context.getOwnerDocument();
        DocumentFragment fragment = target.createDocumentFragment();
        for (Node child = parsed.getDocumentElement().getFirstChild(); child != null; child = child.getNextSibling()) {
            fragment.appendChild(target.importNode(child, true));
        }
        return fragment;
    }

    private static DecryptedContent create() {
        try {
            return new DecryptedContent();
        } catch (InvalidCanonicalizerException e) {
            throw new IllegalStateException("XML Security is not initialised", e);
        }
    }
}
