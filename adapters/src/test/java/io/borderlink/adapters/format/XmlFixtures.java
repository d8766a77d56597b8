package io.borderlink.adapters.format;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.contracts.xml.Dom;
import io.borderlink.contracts.xml.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Test resources of the partner formats, and XML compared without the layout of pretty-printing. */
public final class XmlFixtures {

    private XmlFixtures() {}

    /** Serialized without the indentation of pretty-printing, so layout never fails a test. */
    public static String normalised(Document doc) {
        doc.setXmlStandalone(true);
        removeIndentation(doc.getDocumentElement());
        return new String(SecureXml.serialize(doc), UTF_8);
    }

    public static Document resource(String path) {
        return SecureXml.parse(bytes(path));
    }

    public static byte[] bytes(String path) {
        try (InputStream in = XmlFixtures.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeIndentation(Element element) {
        boolean hasElements = !Dom.children(element).isEmpty();
        Node child = element.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if (child instanceof Element e) {
                removeIndentation(e);
            } else if (hasElements
                    && child.getNodeType() == Node.TEXT_NODE
                    && child.getTextContent().isBlank()) {
                element.removeChild(child);
            }
            child = next;
        }
    }
}
