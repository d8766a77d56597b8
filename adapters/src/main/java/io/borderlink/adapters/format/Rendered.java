package io.borderlink.adapters.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.xml.SecureXml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.w3c.dom.Document;

/** A view in a recipient's own format, before protection: an XML document, or JSON bytes. */
public record Rendered(Document xml, byte[] json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Rendered xml(Document xml) {
        return new Rendered(xml, null);
    }

    public static Rendered json(byte[] json) {
        return new Rendered(null, json);
    }

    /** Indented, for people to read before they approve it. */
    public String readable() {
        if (xml != null) {
            return SecureXml.indented(SecureXml.serialize(xml));
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exactly as it would be signed: the raw text. */
    public String text() {
        return new String(xml != null ? SecureXml.serialize(xml) : json, StandardCharsets.UTF_8);
    }
}
