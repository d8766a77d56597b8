package io.borderlink.gateway.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.gateway.partner.WireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.w3c.dom.Document;

/** A partner view in the partner's own format, before protection: an XML document, or JSON bytes. */
public record Rendered(WireFormat format, Document xml, byte[] json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Rendered xml(WireFormat format, Document xml) {
        return new Rendered(format, xml, null);
    }

    static Rendered json(WireFormat format, byte[] json) {
        return new Rendered(format, null, json);
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
