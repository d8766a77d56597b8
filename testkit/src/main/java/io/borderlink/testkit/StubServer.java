package io.borderlink.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.borderlink.adapters.agency.AgencyInboundSoap;
import io.borderlink.adapters.format.ReceiptFormat;
import io.borderlink.adapters.liaison.LiaisonSoap;
import io.borderlink.adapters.liaison.LiaisonTranslator;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.Digests;
import io.borderlink.crypto.SigningKey;
import io.borderlink.testkit.PartnerSide.Opened;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * An endpoint the gateway delivers to, as a liaison partner or an agency system runs it: HTTPS on 127.0.0.1
 * with the recipient's certs-dev key, the gateway's client certificate required (it chains to the national
 * root). It reads each delivery's ids from the clear header and, when it opens deliveries, decrypts each with
 * the recipient's key and verifies the gateway's signature, as the real recipient would. It can play an
 * outage (503, or no answer at all) and a slow recipient.
 */
public final class StubServer implements AutoCloseable {

    /** How long a hanging stub keeps a delivery waiting: longer than any timeout the gateway is given. */
    private static final Duration HANG = Duration.ofSeconds(15);

    /**
     * Whom the stub plays: where deliveries arrive, which element of a request is the message, which header
     * field names a delivery (the same on every attempt), and the answer: the signed receipt its format
     * defines, or, for a format without one, a plain answer given the delivery's id and the time.
     */
    public record Role(String path, String namespace, String element, String id, String answer, ReceiptFormat receipt) {

        /** A liaison office: Deliver requests (contracts/wsdl/liaison.wsdl), answered with a signed Receipt. */
        public static final Role LIAISON_PARTNER = new Role(
                "/liaison", LiaisonTranslator.NAMESPACE, "LiaisonMessage", "MessageId", null, LiaisonSoap.RECEIPT);

        /** An agency system: the exchange as a REST POST or a ReceiveExchange request (agency-inbound.wsdl). */
        public static final Role AGENCY = new Role(
                "/borderlink/inbound",
                ExchangeXml.NAMESPACE,
                "Exchange",
                "ExchangeId",
                envelope("<ReceiveExchangeResponse xmlns=\"" + AgencyInboundSoap.SERVICE_NAMESPACE + "\">"
                        + "<ExchangeId>%1$s</ExchangeId><Status>RECEIVED</Status></ReceiveExchangeResponse>"),
                null);

        private static String envelope(String body) {
            return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>" + body
                    + "</soap:Body></soap:Envelope>";
        }

        private String text(Document message, String name) {
            Node found = message.getElementsByTagNameNS(namespace, name).item(0);
            if (found == null) {
                throw new GatewayException(ErrorCode.PROFILE_VIOLATION, "no " + name + " in the " + element);
            }
            return found.getTextContent();
        }
    }

    /** What the stub does with a delivery instead of taking it. */
    public enum Outage {
        NONE,
        /** Answers 503 without reading it. */
        REFUSE,
        /** Answers nothing for longer than the gateway waits, then 503. */
        HANG
    }

    /**
     * @param port the loopback port, 0 for a free one
     * @param threads deliveries taken at once (the gateway's delivery workers, and nodes, send several)
     * @param open whether to decrypt and verify each delivery; the load generator leaves it off, so that the
     *     stub's CPU does not compete with the gateway's
     * @param answerAfter how long the stub takes to answer each delivery (a slow recipient)
     * @param log where the stub says what it received, opened and refused
     */
    public record Settings(int port, int threads, boolean open, Duration answerAfter, Consumer<String> log) {

        public static Settings defaults() {
            return new Settings(0, 16, true, Duration.ZERO, line -> {});
        }

        public Settings port(int port) {
            return new Settings(port, threads, open, answerAfter, log);
        }

        public Settings threads(int threads) {
            return new Settings(port, threads, open, answerAfter, log);
        }

        public Settings headersOnly() {
            return new Settings(port, threads, false, answerAfter, log);
        }

        public Settings answerAfter(Duration answerAfter) {
            return new Settings(port, threads, open, answerAfter, log);
        }

        public Settings log(Consumer<String> log) {
            return new Settings(port, threads, open, answerAfter, log);
        }
    }

    private final Role role;
    private final SigningKey identity;
    private final PrivateKey key;
    private final Settings settings;
    private final HttpsServer server;
    private final ExecutorService workers;
    private final Arrivals arrivals = new Arrivals();
    private volatile Outage outage = Outage.NONE;

    private StubServer(Role role, String name, SigningKey identity, SSLContext tls, Settings settings)
            throws IOException {
        this.role = role;
        this.identity = identity;
        this.key = identity.privateKey();
        this.settings = settings;
        this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 256);
        this.workers = Executors.newFixedThreadPool(settings.threads(), work -> {
            Thread thread = new Thread(work, "stub-" + name);
            thread.setDaemon(true);
            return thread;
        });
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters parameters) {
                // Through SSLParameters: HttpsParameters.setNeedClientAuth alone lets a client without one in.
                SSLParameters required = tls.getDefaultSSLParameters();
                required.setNeedClientAuth(true);
                parameters.setSSLParameters(required);
            }
        });
        server.setExecutor(workers);
        server.createContext(role.path(), this::receive);
    }

    /** Starts the stub as the named certs-dev identity, e.g. {@code ru-liaison} or {@code mn-customs}. */
    public static StubServer start(Role role, String identity, Settings settings) {
        return start(role, identity, DevPki.key(identity), DevTls.as(identity), settings);
    }

    /**
     * Starts the stub with a key of its own (a {@link TestPki}'s, say): it decrypts with {@code identity}, and
     * serves TLS with {@code tls}, which presents that key and trusts the root of the gateway's client certificate.
     */
    public static StubServer start(Role role, String name, SigningKey identity, SSLContext tls, Settings settings) {
        try {
            StubServer stub = new StubServer(role, name, identity, tls, settings);
            stub.server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + name + " stub", e);
        }
    }

    public String endpoint() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + role.path();
    }

    /** From now on, every delivery meets this outage ({@code NONE}: the stub takes them again). */
    public void outage(Outage outage) {
        this.outage = outage;
    }

    /** The id of every delivery accepted so far, in order (see {@link Arrivals#lines}). */
    public List<String> received() {
        return arrivals.lines();
    }

    public Arrivals arrivals() {
        return arrivals;
    }

    private void receive(HttpExchange request) throws IOException {
        try (request) {
            arrivals.countRequest();
            Outage now = outage;
            if (now != Outage.NONE) {
                pause(now == Outage.HANG ? HANG : Duration.ZERO);
                request.sendResponseHeaders(503, -1);
                return;
            }
            byte[] body = request.getRequestBody().readAllBytes();
            long arrived = System.nanoTime();
            int status = 200;
            String contentType = "text/xml; charset=utf-8";
            byte[] reply;
            String id = null;
            try {
                Document message = PartnerSide.element(body, role.namespace(), role.element());
                // Named as received, before it is decrypted in place.
                String digest = Digests.sha256OfCanonicalXml(message);
                if (settings.open()) {
                    opened(PartnerSide.open(message, key));
                }
                id = role.text(message, role.id());
                arrivals.arrived(id, role.text(message, "CorrelationId"), arrived);
                if (role.receipt() == null) {
                    reply = role.answer().formatted(id, Instant.now()).getBytes(StandardCharsets.UTF_8);
                } else {
                    ReceiptFormat.Answer answer = PartnerSide.receipt(
                            role.receipt(), new ReceiptFormat.Claims(id, digest, Instant.now()), identity);
                    contentType = answer.contentType();
                    reply = answer.body();
                }
                pause(settings.answerAfter());
            } catch (GatewayException e) {
                settings.log().accept("--- refused: " + e.code() + " " + e.getMessage());
                arrivals.countUnreadable();
                status = 400;
                reply = e.code().name().getBytes(StandardCharsets.UTF_8);
            }
            try {
                request.getResponseHeaders().set("Content-Type", contentType);
                request.sendResponseHeaders(status, reply.length);
                request.getResponseBody().write(reply);
            } finally {
                if (id != null) {
                    arrivals.answered(id);
                }
            }
        }
    }

    private void opened(Opened opened) {
        settings.log()
                .accept("--- received, signed by "
                        + opened.signer().getSubjectX500Principal().getName() + " (signature valid)");
        settings.log().accept(SecureXml.indented(SecureXml.serialize(opened.message())));
    }

    /** Plays a slow or hanging recipient: the delay is what the stub is for, not a wait for something. */
    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
