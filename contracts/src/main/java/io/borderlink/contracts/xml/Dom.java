package io.borderlink.contracts.xml;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Small DOM helpers for the mappers between XML formats and records. Children are looked up by
 * local name in their parent's namespace (every Borderlink and partner schema is
 * element-qualified with one namespace), and anything missing is {@code SCHEMA_INVALID}, never a
 * {@code NullPointerException}.
 */
public final class Dom {

    private static final Pattern XML_WHITESPACE = Pattern.compile("[ \t\r\n]+");

    private Dom() {}

    /** Child elements in document order, whatever their namespace. */
    public static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    /** Child elements with this local name in the parent's namespace, in document order. */
    public static List<Element> children(Element parent, String localName) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && isNamed(e, parent.getNamespaceURI(), localName)) {
                children.add(e);
            }
        }
        return children;
    }

    public static Element child(Element parent, String localName) {
        Element child = optionalChild(parent, localName);
        if (child == null) {
            throw new GatewayException(
                    ErrorCode.SCHEMA_INVALID, parent.getLocalName() + "/" + localName + " is missing");
        }
        return child;
    }

    /** The first child with this local name in the parent's namespace, or null. */
    public static Element optionalChild(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && isNamed(e, parent.getNamespaceURI(), localName)) {
                return e;
            }
        }
        return null;
    }

    /** The child's text exactly as written, for {@code xs:string} content. */
    public static String text(Element parent, String localName) {
        return child(parent, localName).getTextContent();
    }

    public static String optionalText(Element parent, String localName) {
        Element child = optionalChild(parent, localName);
        return child == null ? null : child.getTextContent();
    }

    /** The child's text with whitespace collapsed, as the schema sees {@code xs:token} content. */
    public static String token(Element parent, String localName) {
        return collapse(text(parent, localName));
    }

    public static String optionalToken(Element parent, String localName) {
        Element child = optionalChild(parent, localName);
        return child == null ? null : collapse(child.getTextContent());
    }

    /** A required child's collapsed text, converted by {@code parse}; a value it refuses is {@code SCHEMA_INVALID}. */
    public static <T> T value(Element parent, String localName, Function<String, T> parse) {
        return convert(parent, localName, token(parent, localName), parse);
    }

    public static <T> T optionalValue(Element parent, String localName, Function<String, T> parse) {
        String token = optionalToken(parent, localName);
        return token == null ? null : convert(parent, localName, token, parse);
    }

    /** The collapsed text of every child with this local name. */
    public static List<String> tokens(Element parent, String localName) {
        return children(parent, localName).stream()
                .map(e -> collapse(e.getTextContent()))
                .toList();
    }

    /** An unqualified attribute with whitespace collapsed. */
    public static String attribute(Element element, String name) {
        if (!element.hasAttributeNS(null, name)) {
            throw new GatewayException(ErrorCode.SCHEMA_INVALID, element.getLocalName() + "/@" + name + " is missing");
        }
        return collapse(element.getAttributeNS(null, name));
    }

    public static boolean isNamed(Element element, String namespace, String localName) {
        return localName.equals(element.getLocalName())
                && namespace != null
                && namespace.equals(element.getNamespaceURI());
    }

    /** Appends an empty child in the parent's namespace and prefix. */
    public static Element append(Element parent, String localName) {
        String prefix = parent.getPrefix();
        Element child = parent.getOwnerDocument()
                .createElementNS(parent.getNamespaceURI(), prefix == null ? localName : prefix + ":" + localName);
        parent.appendChild(child);
        return child;
    }

    /** Appends a child holding {@code text}; does nothing when text is null, which omits an optional field. */
    public static void appendText(Element parent, String localName, String text) {
        if (text != null) {
            append(parent, localName).setTextContent(text);
        }
    }

    private static <T> T convert(Element parent, String localName, String token, Function<String, T> parse) {
        try {
            return parse.apply(token);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new GatewayException(
                    ErrorCode.SCHEMA_INVALID,
                    // The element and the rule, never the value: it is document content.
                    parent.getLocalName() + "/" + localName + " has an invalid value",
                    e);
        }
    }

    private static String collapse(String text) {
        return XML_WHITESPACE.matcher(text).replaceAll(" ").trim();
    }
}
