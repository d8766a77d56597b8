package io.borderlink.contracts.label;

import static io.borderlink.contracts.xml.Dom.append;
import static io.borderlink.contracts.xml.Dom.appendText;
import static io.borderlink.contracts.xml.Dom.attribute;
import static io.borderlink.contracts.xml.Dom.child;
import static io.borderlink.contracts.xml.Dom.children;
import static io.borderlink.contracts.xml.Dom.token;
import static io.borderlink.contracts.xml.Dom.tokens;
import static io.borderlink.contracts.xml.Dom.value;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.xml.Dom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads and writes confidentiality labels ({@code xsd/stanag-4774-label.xsd}) and the bindings that tie one to
 * a data object of the same document ({@code xsd/stanag-4778-binding.xsd}). Signing and verifying a binding
 * is the crypto module's; this class only knows the shape.
 */
public final class LabelXml {

    public static final String LABEL_NAMESPACE = "urn:nato:stanag:4774:confidentialitymetadatalabel:1:0";
    public static final String BINDING_NAMESPACE = "urn:nato:stanag:4778:bindinginformation:1:0";
    public static final String LABEL = "originatorConfidentialityLabel";
    public static final String BINDING = "BindingInformation";
    /** The attribute that names the bound data object and the MetadataBinding, for the signature's references. */
    public static final String ID = "Id";

    private LabelXml() {}

    /** The label as an element of {@code document}, not yet placed in it. */
    public static Element write(Document document, ConfidentialityLabel label) {
        Element root = document.createElementNS(LABEL_NAMESPACE, "slab:" + LABEL);
        if (label.reviewAt() != null) {
            root.setAttributeNS(null, "ReviewDateTime", label.reviewAt().toString());
        }
        Element information = append(root, "ConfidentialityInformation");
        Element policy = append(information, "PolicyIdentifier");
        policy.setTextContent(label.policy());
        if (label.policyUri() != null) {
            policy.setAttributeNS(null, "URI", label.policyUri());
        }
        appendText(information, "Classification", label.classification());
        for (LabelCategory category : label.categories()) {
            Element element = append(information, "Category");
            element.setAttributeNS(null, "Type", category.type().name());
            element.setAttributeNS(null, "TagName", category.tagName());
            if (category.uri() != null) {
                element.setAttributeNS(null, "URI", category.uri());
            }
            category.values().forEach(value -> appendText(element, "GenericValue", value));
        }
        appendText(root, "CreationDateTime", label.created().toString());
        return root;
    }

    /** A label element as the schema describes it; anything missing or malformed is {@code SCHEMA_INVALID}. */
    public static ConfidentialityLabel read(Element label) {
        if (!Dom.isNamed(label, LABEL_NAMESPACE, LABEL)) {
            throw new GatewayException(
                    ErrorCode.SCHEMA_INVALID, "expected a " + LABEL + " label, found " + label.getLocalName());
        }
        Element information = child(label, "ConfidentialityInformation");
        Element policy = child(information, "PolicyIdentifier");
        List<LabelCategory> categories = children(information, "Category").stream()
                .map(c -> new LabelCategory(
                        attribute(c, "TagName"),
                        optionalAttribute(c, "URI"),
                        type(attribute(c, "Type")),
                        tokens(c, "GenericValue")))
                .toList();
        String review = optionalAttribute(label, "ReviewDateTime");
        return new ConfidentialityLabel(
                token(information, "PolicyIdentifier"),
                policy.hasAttributeNS(null, "URI") ? attribute(policy, "URI") : null,
                token(information, "Classification"),
                categories,
                value(label, "CreationDateTime", LabelXml::instant),
                review == null ? null : instant(review));
    }

    /**
     * A {@code BindingInformation} that binds the label to {@code data} by its {@link #ID}, not yet signed nor
     * placed in the document.
     *
     * @param bindingId the Id the MetadataBinding gets, for the signature to reference
     */
    public static Element bind(Document document, ConfidentialityLabel label, Element data, String bindingId) {
        String dataId = data.getAttributeNS(null, ID);
        if (dataId.isEmpty()) {
            throw new IllegalArgumentException(data.getLocalName() + " has no " + ID + " to bind a label to");
        }
        Element information = document.createElementNS(BINDING_NAMESPACE, "mb:" + BINDING);
        Element binding = append(append(information, "MetadataBindingContainer"), "MetadataBinding");
        binding.setAttributeNS(null, ID, bindingId);
        append(binding, "Metadata").appendChild(write(document, label));
        append(binding, "DataReference").setAttributeNS(null, "URI", "#" + dataId);
        return information;
    }

    /** The binding a document carries as a child of its root element; empty when it carries none. */
    public static Optional<Element> bindingIn(Document document) {
        return children(document.getDocumentElement()).stream()
                .filter(e -> Dom.isNamed(e, BINDING_NAMESPACE, BINDING))
                .findFirst();
    }

    /** The parts of a binding that its signature and its reader need. */
    public static Bound parts(Element bindingInformation) {
        Element binding = child(child(bindingInformation, "MetadataBindingContainer"), "MetadataBinding");
        if (children(child(bindingInformation, "MetadataBindingContainer")).size() != 1) {
            throw new GatewayException(ErrorCode.SCHEMA_INVALID, "a binding must hold exactly one MetadataBinding");
        }
        Element label = children(child(binding, "Metadata")).stream()
                .findFirst()
                .orElseThrow(() -> new GatewayException(ErrorCode.SCHEMA_INVALID, "Metadata holds no label"));
        String reference = attribute(child(binding, "DataReference"), "URI");
        if (!reference.startsWith("#") || reference.length() == 1) {
            throw new GatewayException(
                    ErrorCode.SCHEMA_INVALID, "DataReference must name an element of the document: " + reference);
        }
        return new Bound(binding, attribute(binding, ID), label, reference.substring(1));
    }

    /**
     * A binding taken apart.
     *
     * @param metadataBinding the element the signature covers with the label, whose Id is {@code bindingId}
     * @param dataId the Id its DataReference names
     */
    public record Bound(Element metadataBinding, String bindingId, Element label, String dataId) {}

    private static CategoryType type(String type) {
        try {
            return CategoryType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new GatewayException(ErrorCode.SCHEMA_INVALID, "not a category type: " + type, e);
        }
    }

    private static String optionalAttribute(Element element, String name) {
        return element.hasAttributeNS(null, name) ? attribute(element, name) : null;
    }

    private static Instant instant(String dateTime) {
        return OffsetDateTime.parse(dateTime).toInstant();
    }
}
