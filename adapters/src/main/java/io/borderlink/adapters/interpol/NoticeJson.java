package io.borderlink.adapters.interpol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borderlink.adapters.format.PartnerJson;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reading the notices API's JSON: tolerant of nulls and odd types, strict about duplicate keys. */
final class NoticeJson {

    /**
     * Bounded, and a duplicate key is refused: two readers could take different values from it, and the version
     * digest would not say which one the exchange holds.
     */
    static final ObjectMapper MAPPER = PartnerJson.mapper();

    private static final Pattern PLACEHOLDER = Pattern.compile("[-\\s.?]*");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private NoticeJson() {}

    static JsonNode read(byte[] json, String what) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // Where, not what: the parser's own message quotes the offending text.
            throw new GatewayException(
                    ErrorCode.SCHEMA_INVALID,
                    what + " is not well-formed JSON"
                            + (e.getLocation() == null
                                    ? ""
                                    : " at line " + e.getLocation().getLineNr() + ", column "
                                            + e.getLocation().getColumnNr()),
                    e);
        } catch (IOException e) {
            throw new GatewayException(ErrorCode.SCHEMA_INVALID, what + " could not be read", e);
        }
        if (node == null || !node.isObject()) {
            throw new GatewayException(ErrorCode.SCHEMA_INVALID, what + " is not a JSON object");
        }
        return node;
    }

    /**
     * The field as trimmed text with inner blanks collapsed; null when absent, JSON null, not a
     * scalar, or a placeholder such as {@code "-"} or {@code ""}.
     */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = BLANKS.matcher(value.asText().strip()).replaceAll(" ");
        return PLACEHOLDER.matcher(text).matches() ? null : text;
    }

    /** Like {@link #text} but keeps line structure, for long free text such as charges. */
    static List<String> lines(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (String line : value.asText().split("\\R")) {
            String text = BLANKS.matcher(line.strip()).replaceAll(" ");
            if (!PLACEHOLDER.matcher(text).matches()) {
                lines.add(text);
            }
        }
        return lines;
    }

    /** The scalar items of an array field, cleaned as {@link #text}; a lone scalar counts as one item. */
    static List<String> texts(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isValueNode()) {
            String text = text(node, field);
            return text == null ? List.of() : List.of(text);
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : value) {
            String text = item.isValueNode() ? text(wrap(item), "v") : flatten(item);
            if (text != null) {
                texts.add(text);
            }
        }
        return texts;
    }

    /**
     * A positive measurement; {@code 0}, negatives, null and text that is not a number are unknown.
     * Numbers given as strings ({@code "1.76"}) are accepted.
     */
    static BigDecimal positive(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            BigDecimal number = value.isNumber()
                    ? value.decimalValue()
                    : new BigDecimal(value.asText().strip());
            return number.signum() > 0 ? number.stripTrailingZeros() : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * An opaque array item (UN notices type several arrays only as {@code string[]}) as one line of
     * text: its scalar values, keys in alphabetical order, joined by commas.
     */
    static String flatten(JsonNode item) {
        List<String> parts = new ArrayList<>();
        collect(item, parts);
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static void collect(JsonNode node, List<String> parts) {
        if (node.isObject()) {
            for (String key : new TreeSet<>(iterable(node))) {
                collect(node.get(key), parts);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, parts));
        } else if (!node.isNull()) {
            String text = text(wrap(node), "v");
            if (text != null) {
                parts.add(text);
            }
        }
    }

    /**
     * The notice content in a canonical form: object keys sorted at every level, no insignificant
     * white space, and without the hypermedia ({@code _links}, {@code _embedded}), which can change
     * (a new thumbnail) while nothing Borderlink carries does.
     */
    static byte[] canonical(JsonNode notice) {
        ObjectNode content = (ObjectNode) sorted(notice);
        content.remove(Set.of("_links", "_embedded"));
        try {
            return MAPPER.writeValueAsBytes(content);
        } catch (JsonProcessingException e) {
            throw new GatewayException(ErrorCode.INTERNAL_ERROR, "notice could not be serialised", e);
        }
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new GatewayException(ErrorCode.INTERNAL_ERROR, "SHA-256 is not available", e);
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (String key : new TreeSet<>(iterable(node))) {
                copy.set(key, sorted(node.get(key)));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return node;
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode wrap(JsonNode value) {
        return JsonNodeFactory.instance.objectNode().set("v", value);
    }
}
