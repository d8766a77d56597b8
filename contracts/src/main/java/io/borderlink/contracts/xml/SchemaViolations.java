package io.borderlink.contracts.xml;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.validation.Validator;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reports a schema violation by the element and the rule it breaks (the validator's message key, such as
 * {@code cvc-maxLength-valid}), never by the value: what fails validation is document content (a name, a
 * document number), and refusal messages go into logs and the audit trail. Messages about structure (an
 * unexpected or missing element) name elements only and are kept as they are.
 */
final class SchemaViolations implements ErrorHandler {

    /** The JDK's validator tells which DOM element it is at. */
    private static final String CURRENT_ELEMENT = "http://apache.org/xml/properties/dom/current-element-node";

    private static final Pattern KEY = Pattern.compile("^(cvc-[A-Za-z0-9.-]+?)\\.?:");
    private static final Pattern STRUCTURE = Pattern.compile("^cvc-complex-type\\.2\\.[1-4](\\.[a-z])?:");
    private static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("cvc-maxLength-valid", "too long"),
            Map.entry("cvc-minLength-valid", "too short"),
            Map.entry("cvc-length-valid", "not of the required length"),
            Map.entry("cvc-pattern-valid", "does not match the required pattern"),
            Map.entry("cvc-enumeration-valid", "not one of the allowed values"),
            Map.entry("cvc-datatype-valid", "not of the required type"),
            Map.entry("cvc-minInclusive-valid", "below the minimum"),
            Map.entry("cvc-minExclusive-valid", "below the minimum"),
            Map.entry("cvc-maxInclusive-valid", "above the maximum"),
            Map.entry("cvc-maxExclusive-valid", "above the maximum"),
            Map.entry("cvc-totalDigits-valid", "too many digits"),
            Map.entry("cvc-fractionDigits-valid", "too many decimals"));

    private final Validator validator;

    SchemaViolations(Validator validator) {
        this.validator = validator;
    }

    @Override
    public void warning(SAXParseException e) {}

    @Override
    public void error(SAXParseException e) throws SAXException {
        throw valueFree(e);
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
        throw valueFree(e);
    }

    private SAXParseException valueFree(SAXParseException e) {
        String message = String.valueOf(e.getMessage());
        if (!STRUCTURE.matcher(message).find()) {
            Matcher key = KEY.matcher(message);
            String rule = key.find() ? key.group(1) : "cvc";
            String reason = RULES.entrySet().stream()
                    .filter(entry -> rule.startsWith(entry.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse("invalid");
            message = rule + ": a value in " + currentElement() + " is " + reason;
        }
        return new SAXParseException(message, e.getPublicId(), e.getSystemId(), e.getLineNumber(), e.getColumnNumber());
    }

    private String currentElement() {
        try {
            if (validator.getProperty(CURRENT_ELEMENT) instanceof Element element) {
                return "element " + element.getLocalName();
            }
        } catch (SAXException e) {
            // A validator without the property: the rule alone still says what is wrong.
        }
        return "the document";
    }
}
