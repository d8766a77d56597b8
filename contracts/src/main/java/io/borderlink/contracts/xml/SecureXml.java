package io.borderlink.contracts.xml;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one hardened XML parser, serializer and schema cache of Borderlink (docs/security.md, parsing): no DTD,
 * no external entities or schemas, secure processing, bounded depth and attribute counts. Every
 * module parses XML through here so that no code path can forget a setting.
 */
public final class SecureXml {

    /** Deeper documents are refused; the canonical exchange needs fewer than 12 levels. */
    public static final int MAX_ELEMENT_DEPTH = 100;

    public static final int MAX_ATTRIBUTES_PER_ELEMENT = 500;

    private static final String JDK_PROPERTY = "http://www.oracle.com/xml/jaxp/properties/";
    private static final DocumentBuilderFactory FACTORY = hardenedFactory();
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SecureXml::newBuilder);
    private static final ThreadLocal<Transformer> SERIALIZER = ThreadLocal.withInitial(SecureXml::newSerializer);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    /**
     * Creating a validator costs more than validating a small document, so each thread keeps its own.
     * Each validate() starts from a clean state; reset() is not called, since on the JDK it drops the
     * validator's security settings.
     */
    private static final ThreadLocal<Map<Schema, Validator>> VALIDATORS = ThreadLocal.withInitial(HashMap::new);

    private static final ErrorHandler STRICT = new StrictErrorHandler();

    private SecureXml() {}

    /** Parses a document, refusing DTDs and limit violations with their own codes. */
    public static Document parse(byte[] xml) {
        if (hasDoctype(xml)) {
            throw new GatewayException(ErrorCode.XML_DTD_FORBIDDEN, "document type declarations are not accepted");
        }
        DocumentBuilder builder = BUILDER.get();
        try {
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw classify(e);
        } catch (IOException e) {
            throw new GatewayException(ErrorCode.XML_MALFORMED, "document could not be read: " + e.getMessage(), e);
        } finally {
            builder.reset();
            // reset() puts back the builder's initial error handler, not ours.
            builder.setErrorHandler(STRICT);
        }
    }

    public static Document parse(InputStream in) {
        try {
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new GatewayException(ErrorCode.XML_MALFORMED, "document could not be read: " + e.getMessage(), e);
        }
    }

    public static Document newDocument() {
        return BUILDER.get().newDocument();
    }

    /** Serializes a document or element as UTF-8, without re-indenting, so signatures survive. */
    public static byte[] serialize(Node node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        Transformer transformer = SERIALIZER.get();
        try {
            transformer.transform(new DOMSource(node), new StreamResult(out));
        } catch (TransformerException e) {
            throw new GatewayException(ErrorCode.INTERNAL_ERROR, "document could not be serialized", e);
        } finally {
            transformer.reset();
            configure(transformer);
        }
        return out.toByteArray();
    }

    /** An indented rendering for people to read; never for anything signed or digested. */
    public static String indented(byte[] xml) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            java.io.StringWriter out = new java.io.StringWriter();
            transformer.transform(new DOMSource(parse(xml)), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new GatewayException(ErrorCode.INTERNAL_ERROR, "document could not be rendered", e);
        }
    }

    /** A compiled schema from the classpath, compiled once and shared (Schema is thread-safe). */
    public static Schema schema(String classpathResource) {
        return SCHEMAS.computeIfAbsent(classpathResource, SecureXml::compile);
    }

    /**
     * Validates a document against a schema, reporting the first violation as {@code SCHEMA_INVALID} with the
     * element and the rule, never the offending value ({@link SchemaViolations}).
     */
    public static void validate(Node node, Schema schema) {
        Validator validator = VALIDATORS.get().computeIfAbsent(schema, SecureXml::newValidator);
        try {
            validator.validate(new DOMSource(node));
        } catch (SAXParseException e) {
            // A DOM has no line numbers (-1); the element named in the message says where.
            String where =
                    e.getLineNumber() > 0 ? "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " : "";
            throw new GatewayException(ErrorCode.SCHEMA_INVALID, where + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new GatewayException(ErrorCode.SCHEMA_INVALID, e.getMessage(), e);
        }
    }

    private static Validator newValidator(Schema schema) {
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("XML validator cannot be hardened", e);
        }
        validator.setErrorHandler(new SchemaViolations(validator));
        return validator;
    }

    /**
     * True when a DOCTYPE appears in the prolog. The parser refuses DTDs anyway; this check only
     * lets us report {@code XML_DTD_FORBIDDEN} rather than a locale-dependent parser message.
     */
    static boolean hasDoctype(byte[] xml) {
        String prolog = prolog(xml);
        int i = 0;
        while (i < prolog.length()) {
            char c = prolog.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else if (prolog.startsWith("<?", i)) {
                int end = prolog.indexOf("?>", i);
                if (end < 0) return false;
                i = end + 2;
            } else if (prolog.startsWith("<!--", i)) {
                int end = prolog.indexOf("-->", i);
                if (end < 0) return false;
                i = end + 3;
            } else {
                return prolog.regionMatches(true, i, "<!DOCTYPE", 0, 9);
            }
        }
        return false;
    }

    private static String prolog(byte[] xml) {
        int length = Math.min(xml.length, 64 * 1024);
        if (length >= 2 && (xml[0] == (byte) 0xFE && xml[1] == (byte) 0xFF)) {
            return new String(xml, 0, length, StandardCharsets.UTF_16BE);
        }
        if (length >= 2 && (xml[0] == (byte) 0xFF && xml[1] == (byte) 0xFE)) {
            return new String(xml, 0, length, StandardCharsets.UTF_16LE);
        }
        return new String(xml, 0, length, StandardCharsets.ISO_8859_1);
    }

    private static GatewayException classify(SAXException e) {
        String message = String.valueOf(e.getMessage());
        // The JDK prefixes its processing-limit errors with a JAXP0001xxxx code in every locale.
        if (message.contains("JAXP0001")) {
            return new GatewayException(ErrorCode.XML_LIMIT_EXCEEDED, message, e);
        }
        if (message.contains("DOCTYPE")) {
            return new GatewayException(ErrorCode.XML_DTD_FORBIDDEN, message, e);
        }
        String where = e instanceof SAXParseException p
                ? "line " + p.getLineNumber() + ", column " + p.getColumnNumber() + ": "
                : "";
        return new GatewayException(ErrorCode.XML_MALFORMED, where + message, e);
    }

    private static DocumentBuilderFactory hardenedFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be hardened", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setAttribute(JDK_PROPERTY + "maxElementDepth", String.valueOf(MAX_ELEMENT_DEPTH));
        factory.setAttribute(JDK_PROPERTY + "elementAttributeLimit", String.valueOf(MAX_ATTRIBUTES_PER_ELEMENT));
        return factory;
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(STRICT);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be created", e);
        }
    }

    private static Transformer newSerializer() {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            configure(transformer);
            return transformer;
        } catch (TransformerException e) {
            throw new IllegalStateException("XML serializer cannot be created", e);
        }
    }

    private static void configure(Transformer transformer) {
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.setOutputProperty(OutputKeys.INDENT, "no");
    }

    private static Schema compile(String classpathResource) {
        URL url = SecureXml.class.getResource(classpathResource);
        if (url == null) {
            throw new IllegalStateException("schema not on the classpath: " + classpathResource);
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            // Our own schemas may import siblings on the classpath (exchange-v1.xsd the label schemas); nothing is
            // fetched from a network. "nested" is how Spring Boot addresses a jar inside the gateway's jar.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar:file,nested");
            return factory.newSchema(url);
        } catch (SAXException e) {
            throw new IllegalStateException("schema " + classpathResource + " does not compile: " + e.getMessage(), e);
        }
    }

    /** Turns warnings into nothing and every error into an exception, so nothing is half-accepted. */
    private static final class StrictErrorHandler implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
