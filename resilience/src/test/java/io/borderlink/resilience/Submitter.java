package io.borderlink.resilience;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.KeyTransport;
import io.borderlink.crypto.SigningKey;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.testkit.AgencyDocuments;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.DevTls;
import io.borderlink.testkit.GatewayProcess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The border police submitting a stream of exchanges, one every tick, as an agency system would: a
 * submission that gets no receipt (the node is dead, the database is down) is tried again on the next tick
 * until it gets one, so every document is accepted in the end, some of them twice (the second receipt is
 * the original one, {@code duplicate: true}).
 */
final class Submitter implements AutoCloseable {

    private static final Pattern EXCHANGE_ID = Pattern.compile("\"exchangeId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");

    private static final AgencyDocuments AGENCY = new AgencyDocuments(new XmlCrypto());
    private static final SigningKey MN_BORDER = DevPki.key("mn-border");
    private static final X509Certificate GATEWAY = DevPki.certificate("gateway-enc");

    private final HttpClient agency = DevTls.client("mn-border");
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
    private final List<Path> documents;
    private final IntFunction<GatewayProcess> target;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    private final Set<String> receipts = ConcurrentHashMap.newKeySet();
    /** What answered a submission without a receipt: an HTTP status and code, or the I/O failure. */
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();

    private final Set<String> duplicateReceipts = ConcurrentHashMap.newKeySet();

    /** What to do the moment a given number of receipts is reached, before anything else is submitted. */
    private final Map<Integer, Runnable> onReceipts = new ConcurrentHashMap<>();

    /**
     * @param documents protected documents, each submitted until it is accepted
     * @param target the node to submit the n-th attempt to
     */
    Submitter(List<Path> documents, IntFunction<GatewayProcess> target, Duration every) {
        this.documents = documents;
        this.target = target;
        ticks.scheduleWithFixedDelay(this::tick, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Makes {@code count} fresh border incidents, signed by mn-border and encrypted to the gateway, one file
     * each in the scenario's documents folder.
     */
    static List<Path> documents(Scenario scenario, int count) throws IOException {
        Path folder = Files.createDirectories(scenario.folder.resolve("documents"));
        Exchange incident = ExchangeXml.read(SecureXml.parse(Samples.borderIncidentFromBorderPolice()));
        List<Path> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Exchange exchange = AgencyDocuments.fresh(incident, Instant.now());
            Path document = folder.resolve(exchange.header().exchangeId() + ".xml");
            Files.write(document, AGENCY.protect(exchange, MN_BORDER, GATEWAY, KeyTransport.RSA_OAEP));
            documents.add(document);
        }
        return documents;
    }

    /**
     * Runs {@code action} on the submitting thread right after the {@code count}-th receipt arrived, before the
     * next submission: a gateway killed there is killed "right after a 202".
     */
    void onReceipt(int count, Runnable action) {
        onReceipts.put(count, action);
    }

    boolean finished() {
        return next.get() >= documents.size();
    }

    /** How many documents have their receipt so far. */
    int accepted() {
        return next.get();
    }

    /** Exchange ids that got a receipt. */
    Set<String> receipts() {
        return Set.copyOf(receipts);
    }

    /** Exchange ids that were answered as duplicates (retried after a receipt that never arrived). */
    Set<String> duplicateReceipts() {
        return Set.copyOf(duplicateReceipts);
    }

    /** Refusals by what answered: {@code 503 STORE_UNAVAILABLE}, {@code ConnectException}, … */
    Map<String, Integer> refusals() {
        Map<String, Integer> counts = new TreeMap<>();
        refusals.forEach((what, count) -> counts.put(what, count.get()));
        return counts;
    }

    private void tick() {
        int index = next.get();
        if (index >= documents.size()) {
            return;
        }
        GatewayProcess node = target.apply(attempts.getAndIncrement());
        try {
            HttpResponse<String> response = agency.send(
                    HttpRequest.newBuilder(node.uri("/api/v1/exchanges"))
                            .header("Content-Type", "application/xml")
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofFile(documents.get(index)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202) {
                Matcher id = EXCHANGE_ID.matcher(response.body());
                if (!id.find()) {
                    throw new IllegalStateException("receipt without an exchange id: " + response.body());
                }
                receipts.add(id.group(1));
                if (response.body().contains("\"duplicate\":true")) {
                    duplicateReceipts.add(id.group(1));
                }
                Runnable action = onReceipts.remove(next.incrementAndGet());
                if (action != null) {
                    action.run();
                }
            } else {
                Matcher code = CODE.matcher(response.body());
                refused(response.statusCode() + " " + (code.find() ? code.group(1) : "(no code)"));
            }
        } catch (IOException e) {
            refused(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void refused(String what) {
        refusals.computeIfAbsent(what, w -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void close() {
        ticks.shutdownNow();
    }
}
