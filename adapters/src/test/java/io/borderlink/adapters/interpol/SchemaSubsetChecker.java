package io.borderlink.adapters.interpol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a document against a JSON Schema 2020-12 using only the keywords interpol-notice-v1 uses:
 * boolean schemas, local {@code $ref}, {@code type}, {@code const}, {@code enum}, {@code required},
 * {@code properties}, {@code additionalProperties}, {@code items}, {@code minItems}, {@code
 * pattern}, {@code minLength}, {@code maxLength} and {@code if}/{@code then}/{@code else}. No JSON
 * Schema validator is on the classpath; an unknown keyword fails the check rather than being skipped,
 * so the schema cannot grow past what is tested. {@code format} and annotations are ignored, as
 * 2020-12 does by default.
 */
final class SchemaSubsetChecker {

    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$defs", "title", "description", "format");

    private final JsonNode root;

    SchemaSubsetChecker(JsonNode root) {
        this.root = root;
    }

    /** Every violation, as {@code /json/pointer: what}; empty when the document is valid. */
    List<String> violations(JsonNode document) {
        List<String> violations = new ArrayList<>();
        check(root, document, "", violations);
        return violations;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> out) {
        if (schema.isBoolean()) {
            if (!schema.asBoolean()) {
                out.add(at + ": not allowed here");
            }
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> keywords = schema.fields();
        while (keywords.hasNext()) {
            Map.Entry<String, JsonNode> keyword = keywords.next();
            JsonNode k = keyword.getValue();
            switch (keyword.getKey()) {
                case "$ref" -> check(resolve(k.asText()), value, at, out);
                case "type" -> {
                    if (!typeMatches(k, value)) {
                        out.add(at + ": expected " + k + ", found " + value.getNodeType());
                    }
                }
                case "const" -> {
                    if (!k.equals(value)) {
                        out.add(at + ": expected " + k + ", found " + value);
                    }
                }
                case "enum" -> {
                    boolean found = false;
                    for (JsonNode option : k) {
                        found |= option.equals(value);
                    }
                    if (!found) {
                        out.add(at + ": " + value + " is not one of " + k);
                    }
                }
                case "required" -> {
                    for (JsonNode name : k) {
                        if (value.isObject() && !value.has(name.asText())) {
                            out.add(at + ": missing " + name.asText());
                        }
                    }
                }
                case "properties" -> {
                    if (value.isObject()) {
                        k.fields().forEachRemaining(p -> {
                            if (value.has(p.getKey())) {
                                check(p.getValue(), value.get(p.getKey()), at + "/" + p.getKey(), out);
                            }
                        });
                    }
                }
                case "additionalProperties" -> {
                    if (value.isObject()) {
                        JsonNode declared = schema.path("properties");
                        value.fieldNames().forEachRemaining(name -> {
                            if (!declared.has(name)) {
                                check(k, value.get(name), at + "/" + name, out);
                            }
                        });
                    }
                }
                case "items" -> {
                    if (value.isArray()) {
                        for (int i = 0; i < value.size(); i++) {
                            check(k, value.get(i), at + "/" + i, out);
                        }
                    }
                }
                case "minItems" -> {
                    if (value.isArray() && value.size() < k.asInt()) {
                        out.add(at + ": fewer than " + k.asInt() + " items");
                    }
                }
                case "pattern" -> {
                    if (value.isTextual()
                            && !Pattern.compile(k.asText())
                                    .matcher(value.asText())
                                    .find()) {
                        out.add(at + ": '" + value.asText() + "' does not match " + k.asText());
                    }
                }
                case "minLength" -> {
                    if (value.isTextual()
                            && value.asText().codePointCount(0, value.asText().length()) < k.asInt()) {
                        out.add(at + ": shorter than " + k.asInt());
                    }
                }
                case "maxLength" -> {
                    if (value.isTextual()
                            && value.asText().codePointCount(0, value.asText().length()) > k.asInt()) {
                        out.add(at + ": longer than " + k.asInt());
                    }
                }
                case "if" -> {
                    boolean holds = new SchemaSubsetChecker(root).passes(k, value);
                    JsonNode branch = schema.get(holds ? "then" : "else");
                    if (branch != null) {
                        check(branch, value, at, out);
                    }
                }
                case "then", "else" -> {
                    // applied through "if"
                }
                default -> {
                    if (!ANNOTATIONS.contains(keyword.getKey())) {
                        throw new IllegalStateException("keyword not supported by this checker: " + keyword.getKey());
                    }
                }
            }
        }
    }

    private boolean passes(JsonNode schema, JsonNode value) {
        List<String> out = new ArrayList<>();
        check(schema, value, "", out);
        return out.isEmpty();
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalStateException("only local references are supported: " + ref);
        }
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalStateException("unresolved reference " + ref);
        }
        return target;
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (typeMatches(one, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "string" -> value.isTextual();
            case "null" -> value.isNull();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "boolean" -> value.isBoolean();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            default -> throw new IllegalStateException("unknown type " + type);
        };
    }
}
