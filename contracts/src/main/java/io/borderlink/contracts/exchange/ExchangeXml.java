package io.borderlink.contracts.exchange;

import static io.borderlink.contracts.xml.Dom.append;
import static io.borderlink.contracts.xml.Dom.appendText;
import static io.borderlink.contracts.xml.Dom.attribute;
import static io.borderlink.contracts.xml.Dom.child;
import static io.borderlink.contracts.xml.Dom.children;
import static io.borderlink.contracts.xml.Dom.optionalChild;
import static io.borderlink.contracts.xml.Dom.optionalText;
import static io.borderlink.contracts.xml.Dom.text;
import static io.borderlink.contracts.xml.Dom.token;
import static io.borderlink.contracts.xml.Dom.tokens;
import static io.borderlink.contracts.xml.Dom.value;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.xml.Dom;
import io.borderlink.contracts.xml.SecureXml;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Maps between exchange-v1.xsd documents and the canonical records. Writing is deterministic: the
 * same records always give the same bytes (UTF-8, default namespace, no indentation), because
 * digests of partner views are compared byte for byte.
 */
public final class ExchangeXml {

    public static final String NAMESPACE = "urn:borderlink:exchange:1";
    public static final String SCHEMA = "/xsd/exchange-v1.xsd";
    public static final String SCHEMA_VERSION = "1.0";

    private ExchangeXml() {}

    public static void validate(Document doc) {
        SecureXml.validate(doc, SecureXml.schema(SCHEMA));
    }

    /**
     * Reads a document that was validated against {@link #SCHEMA}; the agency's trailing ds:Signature
     * is ignored. Anything the records cannot hold is {@code SCHEMA_INVALID}.
     */
    public static Exchange read(Document doc) {
        Element root = doc.getDocumentElement();
        if (root == null) {
            throw new GatewayException(ErrorCode.SCHEMA_INVALID, "document has no root element");
        }
        return read(root);
    }

    public static Exchange read(Element exchange) {
        if (!Dom.isNamed(exchange, NAMESPACE, "Exchange")) {
            throw new GatewayException(
                    ErrorCode.SCHEMA_INVALID,
                    "expected {" + NAMESPACE + "}Exchange, found {" + exchange.getNamespaceURI() + "}"
                            + exchange.getLocalName());
        }
        return new Exchange(
                readHeader(child(exchange, "Header")),
                readMarkings(child(exchange, "Markings")),
                readBody(child(exchange, "Body")));
    }

    /**
     * The markings an exchange document states, or null when it carries a bound label instead
     * (docs/labels.md): then the label, once verified, is translated to markings under its policy.
     */
    public static Markings markings(Document doc) {
        Element markings = optionalChild(doc.getDocumentElement(), "Markings");
        return markings == null ? null : readMarkings(markings);
    }

    /**
     * Writes the markings translated from a bound label into a document that has none, where the schema places
     * them (after Header), so that it reads as an exchange. Only for a document whose signed bytes were kept
     * before: this changes what was signed.
     */
    public static void insertMarkings(Document doc, Markings markings) {
        Element root = doc.getDocumentElement();
        if (optionalChild(root, "Markings") != null) {
            throw new IllegalStateException("the document has markings of its own");
        }
        Element element =
                doc.createElementNS(NAMESPACE, root.getPrefix() == null ? "Markings" : root.getPrefix() + ":Markings");
        root.insertBefore(element, child(root, "Header").getNextSibling());
        writeMarkings(element, markings);
    }

    public static byte[] write(Exchange exchange) {
        return SecureXml.serialize(toDocument(exchange));
    }

    public static Document toDocument(Exchange exchange) {
        Document doc = SecureXml.newDocument();
        // Standalone keeps the declaration to version and encoding, as agencies write it.
        doc.setXmlStandalone(true);
        Element root = doc.createElementNS(NAMESPACE, "Exchange");
        doc.appendChild(root);
        writeHeader(append(root, "Header"), exchange.header());
        writeMarkings(append(root, "Markings"), exchange.markings());
        writeBody(append(root, "Body"), exchange.body());
        return doc;
    }

    private static Header readHeader(Element h) {
        Element addressees = optionalChild(h, "Addressees");
        Element sourceRefs = optionalChild(h, "SourceRefs");
        return new Header(
                value(h, "ExchangeId", UUID::fromString),
                value(h, "CorrelationId", UUID::fromString),
                value(h, "CreatedAt", ExchangeXml::instant),
                token(h, "Originator"),
                addressees == null ? List.of() : tokens(addressees, "Addressee"),
                value(h, "Category", Category::valueOf),
                readPurpose(child(h, "Purpose")),
                sourceRefs == null
                        ? List.of()
                        : children(sourceRefs, "SourceRef").stream()
                                .map(r -> new SourceRef(text(r, "System"), text(r, "Id")))
                                .toList());
    }

    private static Purpose readPurpose(Element p) {
        return new Purpose(token(p, "Code"), optionalText(p, "Text"));
    }

    private static void writeHeader(Element h, Header header) {
        appendText(h, "ExchangeId", header.exchangeId().toString());
        appendText(h, "CorrelationId", header.correlationId().toString());
        appendText(h, "CreatedAt", header.createdAt().toString());
        appendText(h, "Originator", header.originator());
        if (!header.addressees().isEmpty()) {
            Element addressees = append(h, "Addressees");
            header.addressees().forEach(a -> appendText(addressees, "Addressee", a));
        }
        appendText(h, "Category", header.category().name());
        Element purpose = append(h, "Purpose");
        appendText(purpose, "Code", header.purpose().code());
        appendText(purpose, "Text", header.purpose().text());
        appendText(h, "SchemaVersion", SCHEMA_VERSION);
        if (!header.sourceRefs().isEmpty()) {
            Element refs = append(h, "SourceRefs");
            for (SourceRef ref : header.sourceRefs()) {
                Element r = append(refs, "SourceRef");
                appendText(r, "System", ref.system());
                appendText(r, "Id", ref.id());
            }
        }
    }

    private static Markings readMarkings(Element m) {
        return new Markings(
                value(m, "Classification", Classification::valueOf),
                value(m, "Tlp", Tlp::fromLabel),
                tokens(child(m, "ReleasableTo"), "Code"),
                value(m, "HandlingCode", HandlingCode::valueOf),
                optionalText(m, "HandlingConditions"),
                value(m, "SourceReliability", SourceReliability::valueOf),
                value(m, "InformationAccuracy", Integer::valueOf),
                optionalText(m, "ForeignMarking"));
    }

    private static void writeMarkings(Element m, Markings markings) {
        appendText(m, "Classification", markings.classification().name());
        appendText(m, "Tlp", markings.tlp().label());
        Element releasable = append(m, "ReleasableTo");
        markings.releasableTo().forEach(code -> appendText(releasable, "Code", code));
        appendText(m, "HandlingCode", markings.handlingCode().name());
        appendText(m, "HandlingConditions", markings.handlingConditions());
        appendText(m, "SourceReliability", markings.sourceReliability().name());
        appendText(m, "InformationAccuracy", Integer.toString(markings.informationAccuracy()));
        appendText(m, "ForeignMarking", markings.foreignMarking());
    }

    private static Body readBody(Element b) {
        List<Subject> subjects = new ArrayList<>();
        for (Element s : children(child(b, "Subjects"))) {
            if (!NAMESPACE.equals(s.getNamespaceURI())) {
                throw new GatewayException(
                        ErrorCode.SCHEMA_INVALID, "Subjects holds a foreign element " + s.getLocalName());
            }
            subjects.add(SubjectXml.read(s));
        }
        Element associations = optionalChild(b, "Associations");
        Element source = optionalChild(b, "SourceDetails");
        Element tearlines = optionalChild(b, "Tearlines");
        return new Body(
                subjects,
                associations == null
                        ? List.of()
                        : children(associations, "Association").stream()
                                .map(a -> new Association(token(a, "FromId"), token(a, "ToId"), token(a, "Role")))
                                .toList(),
                narrative(optionalChild(b, "Narrative")),
                tearlines == null
                        ? List.of()
                        : children(tearlines, "Tearline").stream()
                                .map(ExchangeXml::readTearline)
                                .toList(),
                source == null
                        ? null
                        : new SourceDetails(
                                text(source, "Description"),
                                optionalText(source, "Name"),
                                optionalText(source, "SourceCode"),
                                optionalText(source, "Handler")),
                optionalText(b, "InternalNotes"));
    }

    private static void writeBody(Element b, Body body) {
        Element subjects = append(b, "Subjects");
        body.subjects().forEach(subject -> SubjectXml.write(subjects, subject));
        if (!body.associations().isEmpty()) {
            Element associations = append(b, "Associations");
            for (Association association : body.associations()) {
                Element a = append(associations, "Association");
                appendText(a, "FromId", association.fromId());
                appendText(a, "ToId", association.toId());
                appendText(a, "Role", association.role());
            }
        }
        if (body.narrative() != null) {
            writeNarrative(append(b, "Narrative"), body.narrative());
        }
        if (!body.tearlines().isEmpty()) {
            Element tearlines = append(b, "Tearlines");
            body.tearlines().forEach(t -> writeTearline(append(tearlines, "Tearline"), t));
        }
        SourceDetails source = body.sourceDetails();
        if (source != null) {
            Element s = append(b, "SourceDetails");
            appendText(s, "Description", source.description());
            appendText(s, "Name", source.name());
            appendText(s, "SourceCode", source.sourceCode());
            appendText(s, "Handler", source.handler());
        }
        appendText(b, "InternalNotes", body.internalNotes());
    }

    private static Narrative narrative(Element narrative) {
        return narrative == null ? null : new Narrative(narrative.getTextContent(), attribute(narrative, "lang"));
    }

    private static void writeNarrative(Element element, Narrative narrative) {
        element.setAttributeNS(null, "lang", narrative.lang());
        element.setTextContent(narrative.text());
    }

    private static Tearline readTearline(Element t) {
        Element releasableTo = child(t, "ReleasableTo");
        return new Tearline(
                attribute(t, "id"),
                tokens(releasableTo, "Partner"),
                tokens(releasableTo, "Code"),
                value(t, "Classification", Classification::valueOf),
                value(t, "Tlp", Tlp::fromLabel),
                narrative(child(t, "Text")));
    }

    /** Partners first, then codes: the schema allows any order, the canonical form has one. */
    private static void writeTearline(Element t, Tearline tearline) {
        t.setAttributeNS(null, "id", tearline.id());
        Element releasableTo = append(t, "ReleasableTo");
        tearline.partners().forEach(partner -> appendText(releasableTo, "Partner", partner));
        tearline.releasableTo().forEach(code -> appendText(releasableTo, "Code", code));
        appendText(t, "Classification", tearline.classification().name());
        appendText(t, "Tlp", tearline.tlp().label());
        writeNarrative(append(t, "Text"), tearline.text());
    }

    private static Instant instant(String dateTime) {
        return OffsetDateTime.parse(dateTime).toInstant();
    }
}
