package io.borderlink.gateway.approval;

import io.borderlink.contracts.xml.SecureXml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A field-by-field comparison of the original exchange and the partner view, both as canonical XML:
 * every leaf value under a readable path (subjects named by their ids), and whether the partner gets
 * it as it is, changed, or not at all.
 */
public final class ViewDiff {

    public enum Change {
        SAME,
        CHANGED,
        REMOVED,
        ADDED
    }

    /** One field: its path, the value in the original and in the partner view (null when absent). */
    public record Row(String path, String original, String partnerView, Change change) {}

    private ViewDiff() {}

    static List<Row> between(byte[] original, byte[] partnerView) {
        Map<String, String> before = leaves(original);
        Map<String, String> after = leaves(partnerView);
        Set<String> paths = new LinkedHashSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<Row> rows = new ArrayList<>();
        for (String path : paths) {
            String was = before.get(path);
            String is = after.get(path);
            Change change = was == null
                    ? Change.ADDED
                    : is == null ? Change.REMOVED : was.equals(is) ? Change.SAME : Change.CHANGED;
            rows.add(new Row(path, was, is, change));
        }
        return rows;
    }

    private static Map<String, String> leaves(byte[] canonical) {
        Map<String, String> leaves = new LinkedHashMap<>();
        collect(SecureXml.parse(canonical).getDocumentElement(), "", leaves);
        return leaves;
    }

    /** Leaves under their paths; repeated elements without an id are numbered: {@code Nationality[2]}. */
    private static void collect(Element element, String path, Map<String, String> leaves) {
        boolean hasChildElements = false;
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                hasChildElements = true;
                int n = seen.merge(e.getLocalName(), 1, Integer::sum);
                String name = name(e) + (n > 1 && !e.hasAttribute("id") ? "[" + n + "]" : "");
                collect(e, path + "/" + name, leaves);
            }
        }
        if (!hasChildElements && !path.isEmpty()) {
            leaves.put(path.substring(1), element.getTextContent().strip());
        }
    }

    /** The element's name, with the subject id when it has one: {@code Person[P1]}. */
    private static String name(Element element) {
        return element.getLocalName() + (element.hasAttribute("id") ? "[" + element.getAttribute("id") + "]" : "");
    }
}
