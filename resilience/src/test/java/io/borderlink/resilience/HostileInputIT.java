package io.borderlink.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.KeyTransport;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.resilience.Scenario.Database;
import io.borderlink.testkit.AgencyDocuments;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.DevTls;
import io.borderlink.testkit.GatewayProcess;
import io.borderlink.testkit.StubServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Hostile input against one real gateway process with its heap capped at 512 MB, driven by plain HTTP clients
 * and raw TLS sockets (chunked bodies, slow clients): every class of issue 15 — bounded input, requests a
 * browser makes on its own, strict document shape — is refused with its stable code, nothing crashes, and the
 * node is still up and serving at the end. The table goes to target/hostile-summary.txt.
 */
class HostileInputIT {

    private static final String BOUNDED = "bounded input";
    private static final String CROSS_SITE = "cross-site requests";
    private static final String SHAPE = "strict document shape";
    private static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final XmlCrypto CRYPTO = new XmlCrypto();
    private static final AgencyDocuments AGENCY = new AgencyDocuments(CRYPTO);

    private static Scenario scenario;
    private static GatewayProcess gateway;
    private static final Hostile HOSTILE = new Hostile();
    private static final AtomicLong HEAP_PEAK = new AtomicLong();
    private static final ScheduledExecutorService HEAP = Executors.newSingleThreadScheduledExecutor();
    private static final Map<String, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    @BeforeAll
    static void startGateway() {
        scenario = new Scenario("hostile", Database.H2);
        StubServer partner = scenario.partner(Duration.ZERO);
        gateway = scenario.node("node-1", partner);
        HEAP.scheduleWithFixedDelay(HostileInputIT::sampleHeap, 0, 200, TimeUnit.MILLISECONDS);
    }

    @AfterAll
    static void report() throws Exception {
        HEAP.shutdownNow();
        sampleHeap();
        boolean up = gateway.alive() && get("mn-border", "/actuator/health").statusCode() == 200;
        HOSTILE.report(
                HEAP_PEAK.get(), 512L << 20, up, "slow clients: connection-timeout 10s; see the slow-client cases");
        scenario.close();
        assertThat(up).as("the gateway survived the hostile suite").isTrue();
        assertThat(HOSTILE.cases()).allSatisfy(tried -> assertThat(tried.refusedRight())
                .as(tried.attackClass() + ": " + tried.name() + " answered " + tried.status() + " " + tried.answered())
                .isTrue());
    }

    /** Oversized bodies (declared and chunked), attachments, parser bombs, huge headers, JSON nesting. */
    @Test
    void boundedInputIsRefusedBeforeItIsRead() throws Exception {
        int twoMegabytes = 2 * 1024 * 1024;
        rawRefused(
                BOUNDED,
                "REST intake, declared 2 MB",
                "MESSAGE_TOO_LARGE",
                declared("mn-border", "/api/v1/exchanges", "application/xml", twoMegabytes));
        rawRefused(
                BOUNDED,
                "REST intake, chunked 3 MB",
                "MESSAGE_TOO_LARGE",
                chunked("mn-border", "/api/v1/exchanges", "application/xml", 3 * 1024 * 1024));
        rawRefused(
                BOUNDED,
                "SOAP intake, declared 2 MB",
                "MESSAGE_TOO_LARGE",
                declared("mn-border", "/services/exchange", "text/xml", twoMegabytes));
        rawRefused(
                BOUNDED,
                "SOAP intake, chunked 3 MB",
                "MESSAGE_TOO_LARGE",
                chunked("mn-border", "/services/exchange", "text/xml", 3 * 1024 * 1024));
        rawRefused(
                BOUNDED,
                "SOAP liaison intake, chunked 3 MB, from a partner that does not send",
                "ACCESS_DENIED",
                chunked("ru-liaison", "/services/liaison", "text/xml", 3 * 1024 * 1024));
        rawRefused(
                BOUNDED,
                "approval decision, declared 200 KB",
                "MESSAGE_TOO_LARGE",
                declared(
                        "officer-1",
                        "/api/v1/approvals/" + UUID.randomUUID() + "/approve",
                        "application/json",
                        200_000));
        rawRefused(
                BOUNDED,
                "approval decision, chunked 200 KB",
                "MESSAGE_TOO_LARGE",
                chunked(
                        "officer-1",
                        "/api/v1/approvals/" + UUID.randomUUID() + "/approve",
                        "application/json",
                        200_000));
        refused(
                BOUNDED,
                "REST intake as multipart",
                "MEDIA_TYPE_UNSUPPORTED",
                post(
                        "mn-border",
                        "/api/v1/exchanges",
                        "multipart/mixed; boundary=b",
                        "--b\r\nContent-Type: application/xml\r\n\r\n<a/>\r\n--b--\r\n"
                                .getBytes(StandardCharsets.UTF_8)));
        refused(
                BOUNDED,
                "SOAP intake with MTOM attachments",
                "MEDIA_TYPE_UNSUPPORTED",
                post(
                        "mn-border",
                        "/services/exchange",
                        "multipart/related; type=\"application/xop+xml\"; boundary=b",
                        "--b\r\nContent-Type: application/xop+xml\r\n\r\n<a/>\r\n--b--\r\n"
                                .getBytes(StandardCharsets.UTF_8)));
        refused(
                BOUNDED,
                "SOAP, 150,000 elements",
                "XML_LIMIT_EXCEEDED",
                post("mn-border", "/services/exchange", "text/xml", soap("<a/>".repeat(150_000))));
        refused(
                BOUNDED,
                "SOAP, 500 levels deep",
                "XML_LIMIT_EXCEEDED",
                post("mn-border", "/services/exchange", "text/xml", soap("<a>".repeat(500) + "</a>".repeat(500))));
        refused(
                BOUNDED,
                "SOAP, 200 attributes on one element",
                "PROFILE_VIOLATION",
                post("mn-border", "/services/exchange", "text/xml", soap(attributes(200))));
        refused(
                BOUNDED,
                "REST, entity expansion (billion laughs)",
                "XML_DTD_FORBIDDEN",
                post("mn-border", "/api/v1/exchanges", "application/xml", billionLaughs()));
        refused(
                BOUNDED,
                "REST, 5,000 levels deep",
                "XML_LIMIT_EXCEEDED",
                post(
                        "mn-border",
                        "/api/v1/exchanges",
                        "application/xml",
                        ("<a>".repeat(5000) + "</a>".repeat(5000)).getBytes(StandardCharsets.UTF_8)));
        refused(
                BOUNDED,
                "REST, an encrypted Body 20,000 levels deep",
                "XML_LIMIT_EXCEEDED",
                post("mn-border", "/api/v1/exchanges", "application/xml", deepInsideEncryption(20_000)));
        refused(
                BOUNDED,
                "JSON nested 20,000 deep",
                "REQUEST_INVALID",
                post(
                        "officer-1",
                        "/api/v1/approvals/" + UUID.randomUUID() + "/approve",
                        "application/json",
                        ("{\"reason\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}")
                                .getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> header = send(
                "mn-border",
                HttpRequest.newBuilder(gateway.uri("/api/v1/exchanges/x"))
                        .header("X-Padding", "p".repeat(64 * 1024))
                        .GET());
        HOSTILE.record(BOUNDED, "a 64 KB header", "HTTP 400", header.statusCode(), "");
        List<HttpResponse<String>> flood = new ArrayList<>();
        byte[] nearLimit = ("<x>" + "y".repeat(1_000_000) + "</x>").getBytes(StandardCharsets.UTF_8);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                sent.add(pool.submit(() -> post("mn-border", "/api/v1/exchanges", "application/xml", nearLimit)));
            }
            for (Future<HttpResponse<String>> future : sent) {
                flood.add(future.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        flood.forEach(response -> refused(BOUNDED, "48 concurrent 1 MB documents", "PROFILE_VIOLATION", response));
        slowClientsAreCutOff();
    }

    /** Unsafe requests from another origin, or in a body a browser form could send, are refused with a code. */
    @Test
    void requestsABrowserMakesOnItsOwnAreRefused() throws Exception {
        String approve = "/api/v1/approvals/" + UUID.randomUUID() + "/approve";
        byte[] reason = "{\"reason\":\"looks fine\"}".getBytes(StandardCharsets.UTF_8);
        refused(
                CROSS_SITE,
                "approval from another origin",
                "CROSS_SITE_REFUSED",
                send(
                        "officer-1",
                        HttpRequest.newBuilder(gateway.uri(approve))
                                .header("Content-Type", "application/json")
                                .header("Origin", "https://evil.example")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(reason))));
        refused(
                CROSS_SITE,
                "approval with Origin null",
                "CROSS_SITE_REFUSED",
                send(
                        "officer-1",
                        HttpRequest.newBuilder(gateway.uri(approve))
                                .header("Content-Type", "application/json")
                                .header("Origin", "null")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(reason))));
        refused(
                CROSS_SITE,
                "audit verification, cross-site fetch",
                "CROSS_SITE_REFUSED",
                send(
                        "auditor-1",
                        HttpRequest.newBuilder(gateway.uri("/api/v1/audit/verify"))
                                .header("Sec-Fetch-Site", "cross-site")
                                .POST(HttpRequest.BodyPublishers.noBody())));
        refused(
                CROSS_SITE,
                "audit export, same-site fetch",
                "CROSS_SITE_REFUSED",
                send(
                        "auditor-1",
                        HttpRequest.newBuilder(gateway.uri("/api/v1/audit/exports"))
                                .header("Sec-Fetch-Site", "same-site")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))));
        refused(
                CROSS_SITE,
                "dead-letter resend as a text/plain form",
                "MEDIA_TYPE_UNSUPPORTED",
                post(
                        "admin-1",
                        "/api/v1/dead-letters/resend?recipient=RU-LIAISON",
                        "text/plain",
                        "x".getBytes(StandardCharsets.UTF_8)));
        refused(
                CROSS_SITE,
                "approval as a url-encoded form",
                "MEDIA_TYPE_UNSUPPORTED",
                post(
                        "officer-1",
                        approve,
                        "application/x-www-form-urlencoded",
                        "reason=fine".getBytes(StandardCharsets.UTF_8)));
        refused(
                CROSS_SITE,
                "intake as a text/plain form",
                "MEDIA_TYPE_UNSUPPORTED",
                post("mn-border", "/api/v1/exchanges", "text/plain", "<a/>".getBytes(StandardCharsets.UTF_8)));
        refused(
                CROSS_SITE,
                "console approval without a CSRF token",
                "ACCESS_DENIED",
                post(
                        "officer-1",
                        "/console/approvals/" + UUID.randomUUID() + "/approve",
                        "application/x-www-form-urlencoded",
                        "reason=fine".getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> sameOrigin = send(
                "officer-1",
                HttpRequest.newBuilder(gateway.uri(approve))
                        .header("Content-Type", "application/json")
                        .header("Origin", "https://127.0.0.1:" + gateway.port())
                        .header("Sec-Fetch-Site", "same-origin")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(reason)));
        assertThat(Hostile.codeOf(sameOrigin.statusCode(), sameOrigin.body()))
                .as("the gateway's own pages still reach the endpoint")
                .isEqualTo("NOT_FOUND");
    }

    /** Anything inside the signature beyond the profile, or an encrypted part elsewhere, is a profile violation. */
    @Test
    void documentsOutsideTheProfileShapeAreRefused() throws Exception {
        Exchange accepted = fresh();
        HttpResponse<String> first = post(
                "mn-border",
                "/api/v1/exchanges",
                "application/xml",
                AGENCY.protect(
                        accepted, DevPki.key("mn-border"), DevPki.certificate("gateway-enc"), KeyTransport.RSA_OAEP));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);

        refused(
                SHAPE,
                "SOAP intake with an empty body",
                "PROFILE_VIOLATION",
                post(
                        "mn-border",
                        "/services/exchange",
                        "text/xml",
                        ("<soap:Envelope xmlns:soap=\"" + SOAP_NS + "\"><soap:Body/></soap:Envelope>")
                                .getBytes(StandardCharsets.UTF_8)));
        refused(
                SHAPE,
                "KeyName inside KeyInfo",
                "PROFILE_VIOLATION",
                submit(
                        fresh(),
                        signature -> {
                            Element keyInfo = child(signature, "KeyInfo");
                            Element name = signature.getOwnerDocument().createElementNS(XmlDsig.NS, "ds:KeyName");
                            name.setTextContent("mn-border");
                            keyInfo.insertBefore(name, keyInfo.getFirstChild());
                        },
                        true));
        refused(
                SHAPE,
                "X509IssuerSerial inside X509Data",
                "PROFILE_VIOLATION",
                submit(
                        fresh(),
                        signature -> {
                            Element data = child(child(signature, "KeyInfo"), "X509Data");
                            data.appendChild(
                                    signature.getOwnerDocument().createElementNS(XmlDsig.NS, "ds:X509SubjectName"));
                        },
                        true));
        refused(
                SHAPE,
                "a ds:Object after KeyInfo",
                "PROFILE_VIOLATION",
                submit(
                        fresh(),
                        signature -> signature.appendChild(
                                signature.getOwnerDocument().createElementNS(XmlDsig.NS, "ds:Object")),
                        true));
        refused(
                SHAPE,
                "Markings encrypted instead of Body",
                "PROFILE_VIOLATION",
                submit(fresh(), signature -> {}, false));
        refused(
                SHAPE,
                "a forged copy claiming an accepted exchange's id",
                "SIGNATURE_INVALID",
                post("mn-border", "/api/v1/exchanges", "application/xml", forged(accepted)));
        String id = accepted.header().exchangeId().toString();
        assertThat(scenario.count(
                        "SELECT COUNT(*) FROM audit_event WHERE exchange_id = '" + id + "' AND outcome = 'REJECTED'"))
                .as("refusals stay off the timeline of the exchange they claim to be")
                .isZero();
        assertThat(scenario.count("SELECT COUNT(*) FROM audit_event WHERE exchange_id IS NULL AND detail LIKE "
                        + "'claimed exchange " + id + "%'"))
                .as("and carry its id in their detail")
                .isPositive();
    }

    private static void slowClientsAreCutOff() throws Exception {
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Socket socket = DevTls.as("mn-border").getSocketFactory().createSocket("127.0.0.1", gateway.port());
            socket.getOutputStream()
                    .write("GET /actuator/health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            slow.add(socket);
        }
        Instant started = Instant.now();
        HttpResponse<String> meanwhile = get("mn-border", "/actuator/health");
        HOSTILE.record(BOUNDED, "health answers while 30 slow clients hang", "HTTP 200", meanwhile.statusCode(), "");
        int closed = 0;
        for (Socket socket : slow) {
            socket.setSoTimeout(30_000);
            try (socket) {
                socket.getInputStream().read();
                closed++;
            } catch (SocketTimeoutException stillOpen) {
                // Not cut off within 30 s: counted against the gateway below.
            } catch (IOException reset) {
                closed++;
            }
        }
        long seconds = Duration.between(started, Instant.now()).toSeconds();
        HOSTILE.record(
                BOUNDED,
                "30 slow clients cut off (" + closed + " within " + seconds + " s)",
                "HTTP 408",
                closed == slow.size() && seconds < 30 ? 408 : 200,
                "");
    }

    private static HttpResponse<String> submit(Exchange exchange, Consumer<Element> editSignature, boolean body)
            throws Exception {
        Document document = ExchangeXml.toDocument(exchange);
        CRYPTO.sign(document, DevPki.key("mn-border"));
        editSignature.accept((Element)
                document.getElementsByTagNameNS(XmlDsig.NS, "Signature").item(0));
        Element encrypted = (Element) document.getElementsByTagNameNS(ExchangeXml.NAMESPACE, body ? "Body" : "Markings")
                .item(0);
        CRYPTO.encrypt(document, encrypted, DevPki.certificate("gateway-enc"), KeyTransport.RSA_OAEP);
        return post("mn-border", "/api/v1/exchanges", "application/xml", SecureXml.serialize(document));
    }

    /**
     * An exchange whose Body, encrypted to the gateway as the profile says, holds elements nested {@code depth}
     * deep: the outer document is shallow, so only what is decrypted can be deep.
     */
    private static byte[] deepInsideEncryption(int depth) {
        Document document = ExchangeXml.toDocument(fresh());
        Element body = (Element)
                document.getElementsByTagNameNS(ExchangeXml.NAMESPACE, "Body").item(0);
        Element inner = body;
        for (int level = 0; level < depth; level++) {
            inner = (Element) inner.appendChild(document.createElementNS(ExchangeXml.NAMESPACE, "Nested"));
        }
        CRYPTO.encrypt(document, body, DevPki.certificate("gateway-enc"), KeyTransport.RSA_OAEP);
        return SecureXml.serialize(document);
    }

    /** The accepted exchange's id on other content, signed properly and then altered: the signature fails. */
    private static byte[] forged(Exchange accepted) throws Exception {
        Document document = ExchangeXml.toDocument(accepted);
        CRYPTO.sign(document, DevPki.key("mn-border"));
        Element purpose = (Element) document.getElementsByTagNameNS(ExchangeXml.NAMESPACE, "Purpose")
                .item(0);
        purpose.setTextContent(purpose.getTextContent() + " (altered)");
        Element body = (Element)
                document.getElementsByTagNameNS(ExchangeXml.NAMESPACE, "Body").item(0);
        CRYPTO.encrypt(document, body, DevPki.certificate("gateway-enc"), KeyTransport.RSA_OAEP);
        return SecureXml.serialize(document);
    }

    private static Element child(Element parent, String localName) {
        return (Element) parent.getElementsByTagNameNS(XmlDsig.NS, localName).item(0);
    }

    private static Exchange fresh() {
        return AgencyDocuments.fresh(
                ExchangeXml.read(SecureXml.parse(Samples.borderIncidentFromBorderPolice())), Instant.now());
    }

    private static void refused(String attackClass, String name, String expected, HttpResponse<String> response) {
        HOSTILE.record(attackClass, name, expected, response.statusCode(), response.body());
    }

    private static void rawRefused(String attackClass, String name, String expected, RawAnswer answer) {
        HOSTILE.record(attackClass, name, expected, answer.status(), answer.body());
    }

    private static HttpResponse<String> post(String identity, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return send(
                identity,
                HttpRequest.newBuilder(gateway.uri(path))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static HttpResponse<String> get(String identity, String path) throws IOException, InterruptedException {
        return send(identity, HttpRequest.newBuilder(gateway.uri(path)).GET());
    }

    private static HttpResponse<String> send(String identity, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        HttpClient client = CLIENTS.computeIfAbsent(identity, i -> HttpClient.newBuilder()
                .sslContext(DevTls.as(i))
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build());
        return client.send(request.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status and body of a raw exchange. */
    record RawAnswer(int status, String body) {}

    /** A chunked POST of {@code size} bytes in 16 KB chunks over a raw TLS socket; what the gateway answered. */
    private static RawAnswer chunked(String identity, String path, String contentType, int size) throws IOException {
        return raw(identity, path, contentType, size, true);
    }

    /**
     * A POST declaring {@code size} bytes over a raw TLS socket (an HTTP client gives up on an answer that comes
     * before it has sent the body); what the gateway answered.
     */
    private static RawAnswer declared(String identity, String path, String contentType, int size) throws IOException {
        return raw(identity, path, contentType, size, false);
    }

    private static RawAnswer raw(String identity, String path, String contentType, int size, boolean chunked)
            throws IOException {
        try (Socket socket = DevTls.as(identity).getSocketFactory().createSocket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + gateway.port() + "\r\nContent-Type: "
                            + contentType + "\r\n"
                            + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + size) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[16 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            try {
                for (int sent = 0; sent < size; sent += chunk.length) {
                    int length = Math.min(chunk.length, size - sent);
                    if (chunked) {
                        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(chunk, 0, length);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                }
                if (chunked) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException refusedMidway) {
                // The gateway answered and closed while the rest was still being sent: what it answered counts.
            }
            return read(socket.getInputStream());
        }
    }

    private static RawAnswer read(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1 && answer.size() < 1_000_000; ) {
                answer.write(buffer, 0, n);
                if (answer.toString(StandardCharsets.UTF_8).contains("</soap:Envelope>")
                        || answer.toString(StandardCharsets.UTF_8)
                                .matches("(?s).*\"code\"\\s*:\\s*\"[A-Z_]+\".*}\\s*$")) {
                    break;
                }
            }
        } catch (IOException closed) {
            // What arrived before the connection was reset is the answer.
        }
        String text = answer.toString(StandardCharsets.UTF_8);
        int status = text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : 0;
        return new RawAnswer(status, text);
    }

    /** A SubmitExchange whose request part holds {@code inside}. */
    private static byte[] soap(String inside) {
        return ("<soap:Envelope xmlns:soap=\"" + SOAP_NS + "\"><soap:Body>"
                        + "<SubmitExchangeRequest xmlns=\"urn:borderlink:service:exchange:1\">" + inside
                        + "</SubmitExchangeRequest></soap:Body></soap:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String attributes(int count) {
        StringBuilder element = new StringBuilder("<a");
        for (int i = 0; i < count; i++) {
            element.append(" a").append(i).append("=\"v\"");
        }
        return element.append("/>").toString();
    }

    private static byte[] billionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        return dtd.append("]><lolz>&lol9;</lolz>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void sampleHeap() {
        try {
            long used = (long) gateway.metric("jvm_memory_used_bytes", "area=\"heap\"");
            HEAP_PEAK.accumulateAndGet(used, Math::max);
        } catch (IOException | RuntimeException e) {
            // A sample missed while the node is busy; the next one counts.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The XML-DSig namespace. */
    private static final class XmlDsig {
        static final String NS = "http://www.w3.org/2000/09/xmldsig#";
    }
}
