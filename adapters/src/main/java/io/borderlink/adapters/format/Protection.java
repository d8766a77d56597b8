package io.borderlink.adapters.format;

import javax.xml.namespace.QName;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * How a format's message is protected (contracts/PROFILE.md): an XML document is signed whole and one
 * element's content encrypted, so that its header stays readable for routing; a JSON document is signed
 * (JWS) and encrypted whole (JWE).
 *
 * @param element the element whose content nobody may read in transit; only for {@link Kind#XML_ELEMENT}
 */
public record Protection(Kind kind, QName element) {

    public enum Kind {
        /** XML-DSig over the document, XML Encryption of {@link #element}. */
        XML_ELEMENT,
        /** A JWS inside a JWE. */
        JOSE
    }

    public static Protection xmlElement(QName element) {
        return new Protection(Kind.XML_ELEMENT, element);
    }

    public static Protection jose() {
        return new Protection(Kind.JOSE, null);
    }

    /** The element to encrypt in a rendered document of this format. */
    public Element elementIn(Document document) {
        return (Element) document.getElementsByTagNameNS(element.getNamespaceURI(), element.getLocalPart())
                .item(0);
    }
}
