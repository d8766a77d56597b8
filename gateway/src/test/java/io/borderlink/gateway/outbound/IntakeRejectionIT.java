package io.borderlink.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.Header;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.KeyTransport;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.DevTls;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.net.ssl.SSLSocket;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One test per intake refusal: an agency sends something wrong and must get its stable code and status,
 * the refusal must be audited, nothing may be stored and nothing may reach a partner.
 */
class IntakeRejectionIT extends GatewayTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final XmlCrypto CRYPTO = new XmlCrypto();

    /** Garbage instead of XML → 400 XML_MALFORMED. */
    @Test
    void refusesMalformedXml() {
        assertRefused(
                agency("mn-border").submit(bytes("<Exchange xmlns=\"urn:borderlink:exchange:1\"><Header>")),
                400,
                "XML_MALFORMED");
    }

    /** A document with a DTD and an external entity → 400 XML_DTD_FORBIDDEN, and the entity is never read. */
    @Test
    void refusesADocumentTypeDeclaration() {
        String xxe =
                """
                <?xml version="1.0"?><!DOCTYPE Exchange [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <Exchange xmlns="urn:borderlink:exchange:1">&secret;</Exchange>""";
        assertRefused(agency("mn-border").submit(bytes(xxe)), 400, "XML_DTD_FORBIDDEN");
    }

    /** A body larger than the 1 MB limit → 413 MESSAGE_TOO_LARGE before it is read. */
    @Test
    void refusesAnOversizedDocument() {
        assertRefused(agency("mn-border").submit(spaces(1024 * 1024 + 1)), 413, "MESSAGE_TOO_LARGE");
    }

    /**
     * A client that asks before sending its body ({@code Expect: 100-continue}) → 413 MESSAGE_TOO_LARGE at
     * once, never an invitation to send the 8 MB it declared.
     */
    @Test
    void answersAClientThatAsksBeforeSendingAnOversizedDocumentBeforeItSendsIt() throws IOException {
        try (SSLSocket socket =
                (SSLSocket) DevTls.as("mn-border").getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream()
                    .write(
                            """
                            POST /api/v1/exchanges HTTP/1.1\r
                            Host: 127.0.0.1\r
                            Content-Type: application/xml\r
                            Content-Length: 8388608\r
                            Expect: 100-continue\r
                            \r
                            """
                                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // The refusal closes the connection, so the whole answer is what arrives before the end of the stream.
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 413 ").contains("\"code\":\"MESSAGE_TOO_LARGE\"");
        }
    }

    /** An oversized body sent without a declared length (chunked) → 413 MESSAGE_TOO_LARGE all the same. */
    @Test
    void refusesAnOversizedDocumentOfUndeclaredLength() {
        assertRefused(agency("mn-border").submitChunked(spaces(1024 * 1024 + 1)), 413, "MESSAGE_TOO_LARGE");
    }

    /** An oversized SOAP request → a SOAP fault with MESSAGE_TOO_LARGE, before CXF reads it. */
    @Test
    void refusesAnOversizedSoapRequest() {
        HttpResponse<String> response = agency("mn-border").submitOverSoap(spaces(2 * 1024 * 1024));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("<Code>MESSAGE_TOO_LARGE</Code>");
        assertThat(jdbc.queryForList(
                        "SELECT code FROM audit_event WHERE step = 'RECEIVE' AND outcome = 'REJECTED'", String.class))
                .contains("MESSAGE_TOO_LARGE");
    }

    /**
     * A SOAP request that is not one of the service's (an empty Body, two request elements, a header that must be
     * understood, a SOAPAction of no operation, a second Body) → a fault with PROFILE_VIOLATION, audited, and none
     * of CXF's own wording (which named its classes).
     */
    @Test
    void refusesSoapRequestsOutsideTheServiceWithACodeAndAnAuditEvent() {
        String action = "urn:borderlink:service:exchange:1:SubmitExchange";
        String request =
                "<SubmitExchangeRequest xmlns=\"urn:borderlink:service:exchange:1\"><x/></SubmitExchangeRequest>";
        List<HttpResponse<String>> answers = List.of(
                agency("mn-border").soap("/services/exchange", action, envelope("", "")),
                agency("mn-border").soap("/services/exchange", action, envelope("", request + request)),
                agency("mn-border")
                        .soap(
                                "/services/exchange",
                                action,
                                envelope("<x:Sec xmlns:x=\"urn:x\" soap:mustUnderstand=\"1\"/>", request)),
                agency("mn-border").soap("/services/exchange", "urn:wrong", envelope("", request)),
                agency("mn-border")
                        .soap(
                                "/services/exchange",
                                action,
                                envelope("", request + "</soap:Body><soap:Body>" + request)));

        for (HttpResponse<String> answer : answers) {
            assertThat(answer.body()).contains("<Code>PROFILE_VIOLATION</Code>").doesNotContain("org.apache");
        }
        assertThat(jdbc.queryForList(
                        "SELECT detail FROM audit_event WHERE step = 'RECEIVE' AND outcome = 'REJECTED'"
                                + " AND code = 'PROFILE_VIOLATION'",
                        String.class))
                .anyMatch(detail -> detail.contains("the SOAP body holds no request element"))
                .anyMatch(detail -> detail.contains("fault MustUnderstand"))
                .anyMatch(detail -> detail.matches("(?i).*fault server"))
                .anyMatch(detail -> detail.contains("the envelope goes on after its request (Body)"));
    }

    private static String envelope(String header, String body) {
        return """
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header>%s</soap:Header>\
                <soap:Body>%s</soap:Body></soap:Envelope>"""
                .formatted(header, body);
    }

    /**
     * What Spring and the container refuse before any endpoint runs gets a stable code and an audit event too:
     * a method the endpoint does not take → 405 METHOD_NOT_ALLOWED (with the methods it takes), a path
     * Spring Security's firewall rejects → 400 REQUEST_INVALID.
     */
    @Test
    void refusesWhatNoEndpointServesWithAStableCode() {
        HttpResponse<String> put = agency("mn-border").request("PUT", "/api/v1/exchanges", "application/json");

        assertRefused(put, 405, "METHOD_NOT_ALLOWED");
        assertThat(put.headers().firstValue("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
        assertRefused(
                agency("mn-border").request("GET", "/api/v1/exchanges/%0a" + UUID.randomUUID(), "application/json"),
                400,
                "REQUEST_INVALID");
    }

    /**
     * What Tomcat itself refuses before any servlet runs (an encoded slash in the path, a malformed
     * {@code Content-Length}, a header over the limit) and a method the firewall does not let through
     * ({@code TRACE}) are answered with problem JSON and a stable code, and audited, not with the container's
     * HTML page or an empty body.
     */
    @Test
    void refusesWhatTheContainerRefusesWithAStableCodeAndAnAuditEvent() throws IOException {
        String encodedSlash = raw("GET /api/v1/exchanges/..%2F..%2Faudit%2Fevents HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        String badLength = raw("POST /api/v1/exchanges HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/xml\r\n"
                + "Content-Length: -1\r\n\r\n");
        String longHeader = raw("GET /api/v1/exchanges/" + UUID.randomUUID()
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + "a".repeat(20_000) + "\r\n\r\n");
        String trace = raw("TRACE /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        for (String answer : List.of(encodedSlash, badLength, longHeader)) {
            assertThat(answer)
                    .startsWith("HTTP/1.1 400 ")
                    .contains("Content-Type: application/problem+json")
                    .contains("\"code\":\"REQUEST_INVALID\"");
        }
        assertThat(trace)
                .startsWith("HTTP/1.1 405 ")
                .contains("Content-Type: application/problem+json")
                .contains("\"code\":\"METHOD_NOT_ALLOWED\"");
        assertThat(jdbc.queryForList(
                        "SELECT detail FROM audit_event WHERE step = 'RECEIVE' AND code = 'REQUEST_INVALID'",
                        String.class))
                .anySatisfy(detail -> assertThat(detail).startsWith("GET /api/v1/exchanges/..%2F..%2Faudit%2Fevents"))
                .anySatisfy(detail -> assertThat(detail).startsWith("POST /api/v1/exchanges"));
        assertThat(jdbc.queryForList(
                        "SELECT detail FROM audit_event WHERE step = 'RECEIVE' AND code = 'METHOD_NOT_ALLOWED'",
                        String.class))
                .anySatisfy(detail -> assertThat(detail).startsWith("TRACE /actuator/health"));
    }

    /** A status asked for in a media type the API does not answer in → 406 NOT_ACCEPTABLE, itself in JSON. */
    @Test
    void refusesAnAnswerInAMediaTypeTheApiDoesNotSpeak() {
        assertRefused(
                agency("mn-border").request("GET", "/api/v1/exchanges/" + UUID.randomUUID(), "image/png"),
                406,
                "NOT_ACCEPTABLE");
    }

    /** A signed, encrypted exchange whose category is not in the schema → 400 SCHEMA_INVALID. */
    @Test
    void refusesAnExchangeInvalidAgainstTheSchema() {
        Exchange exchange = fresh(Samples.borderIncidentFromBorderPolice());
        byte[] document = protectEdited(exchange, "mn-border", doc -> text(doc, "Category", "SMUGGLED_GOODS"));
        assertRefusedAndAudited(exchange, agency("mn-border").submit(document), 400, "SCHEMA_INVALID");
    }

    /** Body encrypted with AES-CBC → 400 ALGORITHM_NOT_ALLOWED, before any key is touched. */
    @Test
    void refusesAesCbcEncryption() throws Exception {
        Exchange exchange = fresh(Samples.borderIncidentFromBorderPolice());
        Document document = ExchangeXml.toDocument(exchange);
        CRYPTO.sign(document, DevPki.key("mn-border"));
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(128);
        SecretKey key = generator.generateKey();
        XMLCipher keyCipher = XMLCipher.getInstance(XMLCipher.RSA_OAEP);
        keyCipher.init(XMLCipher.WRAP_MODE, DevPki.certificate("gateway-enc").getPublicKey());
        XMLCipher cbc = XMLCipher.getInstance(XMLCipher.AES_128);
        cbc.init(XMLCipher.ENCRYPT_MODE, key);
        KeyInfo keyInfo = new KeyInfo(document);
        keyInfo.add(keyCipher.encryptKey(document, key));
        cbc.getEncryptedData().setKeyInfo(keyInfo);
        cbc.doFinal(document, body(document), false);

        assertRefusedAndAudited(
                exchange, agency("mn-border").submit(SecureXml.serialize(document)), 400, "ALGORITHM_NOT_ALLOWED");
    }

    /** Encrypted to a key that is not the gateway's → 400 DECRYPTION_FAILED, with no detail. */
    @Test
    void refusesADocumentEncryptedToAnotherKey() {
        Exchange exchange = fresh(Samples.borderIncidentFromBorderPolice());
        Document document = ExchangeXml.toDocument(exchange);
        CRYPTO.protect(
                document,
                body(document),
                DevPki.key("mn-border"),
                DevPki.certificate("ru-liaison"),
                KeyTransport.RSA_OAEP);
        HttpResponse<String> response = agency("mn-border").submit(SecureXml.serialize(document));

        assertRefusedAndAudited(exchange, response, 400, "DECRYPTION_FAILED");
        assertThat(problem(response).get("detail").asText()).isEqualTo("decryption failed");
    }

    /** A plaintext header changed after signing → 400 SIGNATURE_INVALID. */
    @Test
    void refusesAHeaderChangedAfterSigning() {
        Exchange exchange = fresh(Samples.borderIncidentFromBorderPolice());
        Document document = ExchangeXml.toDocument(exchange);
        CRYPTO.protect(
                document,
                body(document),
                DevPki.key("mn-border"),
                DevPki.certificate("gateway-enc"),
                KeyTransport.RSA_OAEP);
        text(document, "Tlp", "CLEAR");

        assertRefusedAndAudited(
                exchange, agency("mn-border").submit(SecureXml.serialize(document)), 400, "SIGNATURE_INVALID");
    }

    /** A signature over the Header element only → 400 SIGNATURE_SCOPE_INVALID. */
    @Test
    void refusesASignatureThatDoesNotCoverTheWholeDocument() throws Exception {
        Exchange exchange = fresh(Samples.borderIncidentFromBorderPolice());
        Document document = ExchangeXml.toDocument(exchange);
        Element header = (Element)
                document.getElementsByTagNameNS(ExchangeXml.NAMESPACE, "Header").item(0);
        header.setAttributeNS(null, "Id", "header");
        header.setIdAttributeNS(null, "Id", true);
        XMLSignature signature = new XMLSignature(
                document,
                "",
                "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
                "http://www.w3.org/2001/10/xml-exc-c14n#");
        document.getDocumentElement().appendChild(signature.getElement());
        Transforms transforms = new Transforms(document);
        transforms.addTransform("http://www.w3.org/2000/09/xmldsig#enveloped-signature");
        transforms.addTransform("http://www.w3.org/2001/10/xml-exc-c14n#");
        signature.addDocument("#header", transforms, "http://www.w3.org/2001/04/xmlenc#sha256");
        signature.addKeyInfo(DevPki.certificate("mn-border"));
        signature.sign(DevPki.key("mn-border").privateKey());
        CRYPTO.encrypt(document, body(document), DevPki.certificate("gateway-enc"), KeyTransport.RSA_OAEP);

        assertRefusedAndAudited(
                exchange, agency("mn-border").submit(SecureXml.serialize(document)), 400, "SIGNATURE_SCOPE_INVALID");
    }

    /** Signed under a CA nobody trusts → 403 CERT_UNTRUSTED. */
    @Test
    void refusesASignerFromAnUntrustedCa() {
        Exchange exchange = fresh(Samples.seizureReportFromCustoms());
        assertRefusedAndAudited(
                exchange, agency("mn-customs").submit(protect(exchange, "rogue-agency")), 403, "CERT_UNTRUSTED");
    }

    /** Signed with an expired certificate → 403 CERT_EXPIRED. */
    @Test
    void refusesAnExpiredSigner() {
        Exchange exchange = fresh(Samples.seizureReportFromCustoms());
        assertRefusedAndAudited(
                exchange, agency("mn-customs").submit(protect(exchange, "mn-customs-expired")), 403, "CERT_EXPIRED");
    }

    /** Signed with a certificate on the agency CA's CRL → 403 CERT_REVOKED. */
    @Test
    void refusesARevokedSigner() {
        Exchange exchange = fresh(Samples.seizureReportFromCustoms());
        assertRefusedAndAudited(
                exchange, agency("mn-customs").submit(protect(exchange, "mn-customs-revoked")), 403, "CERT_REVOKED");
    }

    /** Customs presents its TLS certificate but the border police signed → 403 ORIGINATOR_MISMATCH. */
    @Test
    void refusesATlsClientThatIsNotTheSigner() {
        Exchange exchange = fresh(Samples.borderIncidentFromBorderPolice());
        assertRefusedAndAudited(
                exchange, agency("mn-customs").submit(protect(exchange, "mn-border")), 403, "ORIGINATOR_MISMATCH");
    }

    /** Customs signs and connects, but the header names the border police → 403 ORIGINATOR_MISMATCH. */
    @Test
    void refusesAnOriginatorThatIsNotTheSigner() {
        Exchange exchange = fresh(Samples.borderIncidentFromBorderPolice());
        assertRefusedAndAudited(
                exchange, agency("mn-customs").submit(protect(exchange, "mn-customs")), 403, "ORIGINATOR_MISMATCH");
    }

    /** The same exchange id again with other content → 409 EXCHANGE_REPLAYED; the first one stands. */
    @Test
    void refusesAReplayedExchangeIdWithOtherContent() {
        Exchange exchange = fresh(Samples.borderIncidentFromBorderPolice());
        assertThat(agency("mn-border").submit(protect(exchange, "mn-border")).statusCode())
                .isEqualTo(202);
        Exchange altered = exchange.withMarkings(
                fresh(Samples.wantedPersonFromBorderPolice()).markings());

        HttpResponse<String> replay = agency("mn-border").submit(protect(altered, "mn-border"));

        assertThat(replay.statusCode()).isEqualTo(409);
        assertThat(problem(replay).get("code").asText()).isEqualTo("EXCHANGE_REPLAYED");
        assertThat(auditOf(exchange.header().exchangeId()))
                .anySatisfy(e -> assertThat(e).containsEntry("code", "EXCHANGE_REPLAYED"));
    }

    /**
     * The same signed content serialized otherwise (here a namespace declaration nothing uses), then encrypted
     * anew → a resubmission, answered with the original receipt, not a replay with other content: the signature
     * covers the canonical form, and so does the comparison.
     */
    @Test
    void answersTheSameSignedContentSerializedOtherwiseAsAResubmission() throws Exception {
        Exchange exchange = fresh(Samples.borderIncidentFromBorderPolice());
        Document document = ExchangeXml.toDocument(exchange);
        CRYPTO.sign(document, DevPki.key("mn-border"));
        String signed = new String(SecureXml.serialize(document), StandardCharsets.UTF_8);
        String root = "<Exchange xmlns=\"" + ExchangeXml.NAMESPACE + "\"";
        String reserialized = signed.replaceFirst(root, root + " xmlns:unused=\"urn:example:unused\"");
        assertThat(reserialized).isNotEqualTo(signed);

        JsonNode first =
                JSON.readTree(agency("mn-border").submit(encrypted(signed)).body());
        HttpResponse<String> again = agency("mn-border").submit(encrypted(reserialized));

        assertThat(again.statusCode()).isEqualTo(202);
        JsonNode second = JSON.readTree(again.body());
        assertThat(second.get("duplicate").asBoolean()).isTrue();
        assertThat(second.get("receivedAt")).isEqualTo(first.get("receivedAt"));
    }

    /** The same protected document twice → the original receipt again, marked duplicate; delivered once. */
    @Test
    void answersAResubmissionWithTheOriginalReceipt() throws Exception {
        Exchange exchange = fresh(Samples.borderIncidentFromBorderPolice());
        byte[] document = protect(exchange, "mn-border");

        JsonNode first = JSON.readTree(agency("mn-border").submit(document).body());
        HttpResponse<String> again = agency("mn-border").submit(document);

        assertThat(again.statusCode()).isEqualTo(202);
        JsonNode second = JSON.readTree(again.body());
        assertThat(second.get("duplicate").asBoolean()).isTrue();
        assertThat(second.get("receivedAt")).isEqualTo(first.get("receivedAt"));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM share WHERE exchange_id = ?",
                        Integer.class,
                        exchange.header().exchangeId()))
                .isEqualTo(1);
    }

    /** Created ten minutes ago, beyond the five-minute window → 400 EXCHANGE_STALE. */
    @Test
    void refusesAStaleExchange() {
        Exchange exchange = createdAt(
                fresh(Samples.borderIncidentFromBorderPolice()), Instant.now().minus(Duration.ofMinutes(10)));
        assertRefusedAndAudited(
                exchange, agency("mn-border").submit(protect(exchange, "mn-border")), 400, "EXCHANGE_STALE");
    }

    /** Created ten minutes in the future → 400 EXCHANGE_FROM_FUTURE. */
    @Test
    void refusesAnExchangeFromTheFuture() {
        Exchange exchange = createdAt(
                fresh(Samples.borderIncidentFromBorderPolice()), Instant.now().plus(Duration.ofMinutes(10)));
        assertRefusedAndAudited(
                exchange, agency("mn-border").submit(protect(exchange, "mn-border")), 400, "EXCHANGE_FROM_FUTURE");
    }

    /** An officer's certificate is valid at TLS level but is no agency → 403 ACCESS_DENIED, audited. */
    @Test
    void refusesAClientThatIsNotARegisteredAgency() {
        Exchange exchange = fresh(Samples.borderIncidentFromBorderPolice());
        HttpResponse<String> response = agency("officer-1").submit(protect(exchange, "mn-border"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(problem(response).get("code").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(jdbc.queryForList("SELECT actor FROM audit_event WHERE step = 'ACCESS'", String.class))
                .anySatisfy(actor -> assertThat(actor).contains("CN=officer-1"));
    }

    /**
     * A client certificate from a CA the gateway does not trust is dropped by the TLS layer (the server asks
     * every client for a certificate, so people can use the development form login): the request arrives
     * without one and is refused with ACCESS_DENIED, audited, and nothing is stored.
     */
    @Test
    void refusesATlsClientFromAnUntrustedCa() {
        Exchange exchange = fresh(Samples.borderIncidentFromBorderPolice());
        long denials = accessDenials();

        HttpResponse<String> response = agency("rogue-agency").submit(protect(exchange, "mn-border"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(problem(response).get("code").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(accessDenials()).isGreaterThan(denials);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM exchange WHERE id = ?",
                        Integer.class,
                        exchange.header().exchangeId()))
                .isZero();
        assertThat(RU_LIAISON.receivedFor(exchange.header().correlationId())).isEmpty();
    }

    /** Sends a request as written over TLS as mn-border; the refusal closes the connection, which ends the answer. */
    private String raw(String request) throws IOException {
        try (SSLSocket socket =
                (SSLSocket) DevTls.as("mn-border").getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A signed document, encrypted to the gateway as an agency would (parsed anew: signing and encrypting are two steps). */
    private static byte[] encrypted(String signed) {
        Document document = SecureXml.parse(signed.getBytes(StandardCharsets.UTF_8));
        CRYPTO.encrypt(document, body(document), DevPki.certificate("gateway-enc"), KeyTransport.RSA_OAEP);
        return SecureXml.serialize(document);
    }

    private long accessDenials() {
        return jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE step = 'ACCESS'", Long.class);
    }

    private void assertRefused(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(problem(response).get("code").asText()).isEqualTo(code);
        assertThat(jdbc.queryForList(
                        "SELECT code FROM audit_event WHERE step = 'RECEIVE' AND outcome = 'REJECTED'", String.class))
                .contains(code);
    }

    private void assertRefusedAndAudited(Exchange exchange, HttpResponse<String> response, int status, String code) {
        assertRefused(response, status, code);
        UUID id = exchange.header().exchangeId();
        assertThat(RU_LIAISON.receivedFor(exchange.header().correlationId())).isEmpty();
        assertThat(auditOf(id)).singleElement().satisfies(event -> assertThat(event)
                .containsEntry("step", "RECEIVE")
                .containsEntry("outcome", "REJECTED")
                .containsEntry("code", code));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM exchange WHERE id = ?", Integer.class, id))
                .isZero();
    }

    private static Exchange createdAt(Exchange exchange, Instant createdAt) {
        Header h = exchange.header();
        return new Exchange(
                new Header(
                        h.exchangeId(),
                        h.correlationId(),
                        createdAt,
                        h.originator(),
                        h.addressees(),
                        h.category(),
                        h.purpose(),
                        h.sourceRefs()),
                exchange.markings(),
                exchange.body());
    }

    private static JsonNode problem(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static byte[] spaces(int count) {
        return " ".repeat(count).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
