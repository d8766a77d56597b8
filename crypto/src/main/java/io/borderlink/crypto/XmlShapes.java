package io.borderlink.crypto;

import static io.borderlink.crypto.XmlAlgorithms.DSIG;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The exact shapes the profile allows around the cryptography, checked before any of it runs: whatever else
 * a signature or an encrypted part could carry (objects, manifests, key names, issuer serials, retrieval
 * methods, a second key) is room for wrapping and confusion, so it is refused rather than ignored.
 */
final class XmlShapes {

    private static final List<QName> SIGNATURE = List.of(dsig("SignedInfo"), dsig("SignatureValue"), dsig("KeyInfo"));
    private static final List<QName> KEY_INFO = List.of(dsig("X509Data"));
    private static final List<QName> X509_DATA = List.of(dsig("X509Certificate"));
    /** Nowhere in a protected document, the signature's KeyInfo or the encryption's: the profile has no use for them. */
    private static final Set<String> FORBIDDEN_PARTS = Set.of("Object", "Manifest", "RetrievalMethod");

    private XmlShapes() {}

    /** {@code ds:Signature} holds {@code SignedInfo}, {@code SignatureValue}, {@code KeyInfo/X509Data/X509Certificate}. */
    static void requireSignature(Element signature) {
        requireChildren(signature, SIGNATURE, "ds:Signature");
        Element keyInfo = children(signature).get(2);
        requireChildren(keyInfo, KEY_INFO, "ds:KeyInfo");
        requireChildren(children(keyInfo).get(0), X509_DATA, "ds:X509Data");
    }

    /** No {@code ds:Object}, {@code ds:Manifest} or {@code ds:RetrievalMethod} anywhere in the document. */
    static void requireNoForbiddenParts(Document document) {
        for (String part : FORBIDDEN_PARTS) {
            if (document.getElementsByTagNameNS(DSIG, part).getLength() > 0) {
                throw new GatewayException(ErrorCode.PROFILE_VIOLATION, part + " is not allowed");
            }
        }
    }

    /** Whether {@code element} has the name {@code name}. */
    static boolean named(Element element, QName name) {
        return name.getNamespaceURI().equals(element.getNamespaceURI())
                && name.getLocalPart().equals(element.getLocalName());
    }

    /** The element children of {@code parent}, in order; text between them is not counted. */
    static List<Element> children(Node parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    private static void requireChildren(Element parent, List<QName> expected, String what) {
        List<Element> children = children(parent);
        boolean exact = children.size() == expected.size();
        for (int i = 0; exact && i < children.size(); i++) {
            exact = named(children.get(i), expected.get(i));
        }
        if (!exact) {
            throw new GatewayException(
                    ErrorCode.PROFILE_VIOLATION,
                    what + " may hold only "
                            + expected.stream().map(QName::getLocalPart).toList() + ", in that order");
        }
    }

    private static QName dsig(String name) {
        return new QName(DSIG, name);
    }
}
