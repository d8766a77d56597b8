package io.borderlink.adapters.filedrop;

import static io.borderlink.contracts.xml.Dom.append;
import static io.borderlink.contracts.xml.Dom.appendText;
import static io.borderlink.contracts.xml.Dom.child;
import static io.borderlink.contracts.xml.Dom.children;
import static io.borderlink.contracts.xml.Dom.token;
import static io.borderlink.contracts.xml.Dom.value;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.xml.Dom;
import io.borderlink.contracts.xml.SecureXml;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The manifests and receipts of the file-drop transport (contracts/xsd/file-drop-v1.xsd), unsigned: the
 * gateway signs them whole with its key and checks the other side's with the certificate it registers.
 */
public final class DropDocuments {

    public static final String NAMESPACE = "urn:borderlink:file-drop:1";
    public static final String SCHEMA = "/xsd/file-drop-v1.xsd";

    private DropDocuments() {}

    /** One file a manifest lists or a receipt confirms: its number, its name and the SHA-256 of its bytes. */
    public record FileEntry(long sequence, String name, String digest) {}

    /** A batch: numbers {@code first} to {@code last}, every file among them listed. */
    public record Manifest(long first, long last, Instant issuedAt, List<FileEntry> files) {
        public Manifest {
            files = List.copyOf(files);
        }
    }

    /** That the file arrived whole and its message (whose id it names) was accepted. */
    public record Receipt(Instant issuedAt, FileEntry file, String messageId) {}

    public static Document write(Manifest manifest) {
        Document document = root("Manifest");
        Element root = document.getDocumentElement();
        appendText(root, "First", Long.toString(manifest.first()));
        appendText(root, "Last", Long.toString(manifest.last()));
        appendText(root, "IssuedAt", manifest.issuedAt().toString());
        manifest.files().forEach(file -> write(append(root, "File"), file));
        return document;
    }

    public static Document write(Receipt receipt) {
        Document document = root("Receipt");
        Element root = document.getDocumentElement();
        appendText(root, "IssuedAt", receipt.issuedAt().toString());
        write(append(root, "File"), receipt.file());
        appendText(root, "MessageId", receipt.messageId());
        return document;
    }

    /** A manifest whose signature was verified; {@code SCHEMA_INVALID} unless it is one. */
    public static Manifest readManifest(Document document) {
        Element root = validated(document, "Manifest");
        return new Manifest(
                value(root, "First", Long::valueOf),
                value(root, "Last", Long::valueOf),
                value(root, "IssuedAt", DropDocuments::instant),
                children(root, "File").stream().map(DropDocuments::file).toList());
    }

    /** A receipt whose signature was verified; {@code SCHEMA_INVALID} unless it is one. */
    public static Receipt readReceipt(Document document) {
        Element root = validated(document, "Receipt");
        return new Receipt(
                value(root, "IssuedAt", DropDocuments::instant), file(child(root, "File")), token(root, "MessageId"));
    }

    private static Element validated(Document document, String name) {
        Element root = document.getDocumentElement();
        if (!Dom.isNamed(root, NAMESPACE, name)) {
            throw new GatewayException(
                    ErrorCode.SCHEMA_INVALID, "expected a " + name + ", found " + root.getLocalName());
        }
        SecureXml.validate(document, SecureXml.schema(SCHEMA));
        return root;
    }

    private static void write(Element element, FileEntry file) {
        appendText(element, "Sequence", Long.toString(file.sequence()));
        appendText(element, "Name", file.name());
        appendText(element, "Digest", file.digest());
    }

    private static FileEntry file(Element element) {
        return new FileEntry(
                value(element, "Sequence", Long::valueOf), token(element, "Name"), token(element, "Digest"));
    }

    private static Document root(String name) {
        Document document = SecureXml.newDocument();
        document.setXmlStandalone(true);
        document.appendChild(document.createElementNS(NAMESPACE, name));
        return document;
    }

    private static Instant instant(String dateTime) {
        return OffsetDateTime.parse(dateTime).toInstant();
    }
}
