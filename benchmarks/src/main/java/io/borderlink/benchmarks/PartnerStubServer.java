package io.borderlink.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The RU-LIAISON partner endpoint: HTTPS on 127.0.0.1 with the partner's certs-dev key, a client
 * certificate required that chains to certs-dev/ca/client-trust.p12, answering every POST to
 * {@value #PATH} with 200 and a {@code DeliverResponse}. It counts what it receives by the liaison
 * header's {@code MessageId} (the share id: the same on every attempt, so a second copy is a duplicate)
 * and {@code CorrelationId} (the agency's exchange id): the gateway encrypts only {@code Content}, so
 * the header is read in the clear without decrypting anything.
 */
final class PartnerStubServer implements AutoCloseable {

    static final String PATH = "/liaison";
    private static final byte[] ACCEPTED = ("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                    + "<soap:Body><DeliverResponse xmlns=\"urn:borderlink:partner:liaison:service:1\">"
                    + "<Status>ACCEPTED</Status></DeliverResponse></soap:Body></soap:Envelope>")
            .getBytes(StandardCharsets.UTF_8);
    private static final Pattern MESSAGE_ID = element("MessageId");
    private static final Pattern CORRELATION_ID = element("CorrelationId");

    private final HttpsServer server;
    private final ExecutorService workers;
    /** MessageId → how many times it arrived. */
    private final Map<String, AtomicInteger> byMessage = new ConcurrentHashMap<>();
    /** Exchange (CorrelationId) → when its first message arrived, System.nanoTime(). */
    private final Map<UUID, Long> firstArrival = new ConcurrentHashMap<>();
    /** Exchange → distinct message ids it arrived under (one partner per exchange: should be one). */
    private final Map<UUID, Set<String>> messagesOfExchange = new ConcurrentHashMap<>();

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();

    private PartnerStubServer(HttpsServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    static PartnerStubServer start(String partner, int threads) throws IOException {
        SSLContext tls = Tls.server(
                DevPki.file(partner + ".p12"), DevPki.file("ca/client-trust.p12"), DevPki.PASSWORD.toCharArray());
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = tls.getDefaultSSLParameters();
                parameters.setNeedClientAuth(true);
                params.setSSLParameters(parameters);
            }
        });
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "partner-stub");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        PartnerStubServer stub = new PartnerStubServer(server, workers);
        server.createContext(PATH, stub::handle);
        server.start();
        return stub;
    }

    String endpoint() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            long now = System.nanoTime();
            requests.incrementAndGet();
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String xml = new String(body, StandardCharsets.UTF_8);
            String messageId = element(xml, MESSAGE_ID);
            String correlationId = element(xml, CORRELATION_ID);
            if (messageId == null || correlationId == null) {
                unreadable.incrementAndGet();
            } else {
                byMessage.computeIfAbsent(messageId, k -> new AtomicInteger()).incrementAndGet();
                try {
                    UUID exchangeId = UUID.fromString(correlationId);
                    firstArrival.putIfAbsent(exchangeId, now);
                    messagesOfExchange
                            .computeIfAbsent(exchangeId, k -> ConcurrentHashMap.newKeySet())
                            .add(messageId);
                } catch (IllegalArgumentException e) {
                    unreadable.incrementAndGet();
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
            exchange.sendResponseHeaders(200, ACCEPTED.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ACCEPTED);
            }
        }
    }

    /** The text of the first {@code <MessageId>} (or {@code <p:MessageId>}), or null. */
    static String element(String xml, Pattern element) {
        Matcher matcher = element.matcher(xml);
        return matcher.find() ? matcher.group(1).trim() : null;
    }

    private static Pattern element(String name) {
        return Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?" + name + ">([^<]*)</");
    }

    /** When the first message of the exchange arrived (System.nanoTime()), or null if none has. */
    Long firstArrival(UUID exchangeId) {
        return firstArrival.get(exchangeId);
    }

    int exchangesReceived() {
        return firstArrival.size();
    }

    long requests() {
        return requests.get();
    }

    long unreadable() {
        return unreadable.get();
    }

    /** Messages that arrived more than once: the number of extra copies. */
    long duplicateCopies() {
        return byMessage.values().stream()
                .mapToLong(count -> Math.max(0, count.get() - 1))
                .sum();
    }

    /** Distinct messages that arrived more than once. */
    long duplicatedMessages() {
        return byMessage.values().stream().filter(count -> count.get() > 1).count();
    }

    /** Exchanges that arrived under more than one message id. */
    long exchangesWithSeveralMessages() {
        return messagesOfExchange.values().stream()
                .filter(ids -> ids.size() > 1)
                .count();
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
