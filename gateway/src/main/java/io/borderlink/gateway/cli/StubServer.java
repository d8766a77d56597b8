package io.borderlink.gateway.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.SigningKey;
import io.borderlink.crypto.TlsContexts;
import io.borderlink.crypto.XmlCrypto;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * An endpoint the gateway delivers to, for trying it locally: HTTPS on 127.0.0.1 with a certs-dev
 * identity's key, the gateway's client certificate required (it chains to the national root), and each
 * delivery decrypted with that key, its gateway signature verified and printed, as the real recipient
 * would. Used as a picocli mixin by the stub commands.
 */
final class StubServer {

    @Option(names = "--port", required = true, description = "HTTPS port on 127.0.0.1")
    int port;

    @Mixin
    DevIdentities identities;

    @Option(
            names = "--record",
            description = "append the id of every delivery accepted to this file, one a line, so tests can count"
                    + " them; a delivery that arrives while the same id is still being received is marked OVERLAP")
    Path record;

    @Option(
            names = "--unavailable-while",
            description = "while this file exists, answer 503 without reading the delivery, or, when the file"
                    + " says hang, answer nothing for 15 s first (outage tests)")
    Path unavailableWhile;

    @Option(
            names = "--answer-after",
            defaultValue = "PT0S",
            description =
                    "play a slow partner: answer each delivery this long (ISO-8601, e.g. PT0.2S) after it arrived")
    Duration answerAfter;

    private final XmlCrypto crypto = new XmlCrypto();
    private final Set<String> receiving = ConcurrentHashMap.newKeySet();

    /** What the stub answers for one opened delivery. */
    interface Answer {
        String to(Document message);
    }

    /** What identifies one delivery, the same on every attempt. */
    interface DeliveryId {
        String of(Document message);
    }

    /**
     * Serves until the process is stopped.
     *
     * @param namespace and {@code element}: the protected message inside the request body
     */
    void serve(String identity, String path, String namespace, String element, DeliveryId id, Answer answer)
            throws Exception {
        SigningKey key = identities.key(identity);
        X509Certificate nationalRoot = identities.certificate("ca/national-root.crt.pem");
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(TlsContexts.mutual(key, List.of(nationalRoot))) {
            @Override
            public void configure(HttpsParameters parameters) {
                parameters.setNeedClientAuth(true);
            }
        });
        server.createContext(path, request -> receive(request, key, namespace, element, id, answer));
        // Several at once, as the gateway's delivery workers (and nodes) send them.
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        System.out.println(identity + " listening on https://127.0.0.1:" + port + path + " (Ctrl-C to stop)");
        new CountDownLatch(1).await();
    }

    private void receive(
            HttpExchange request, SigningKey key, String namespace, String element, DeliveryId id, Answer answer)
            throws IOException {
        try (request) {
            if (unavailable(request)) {
                return;
            }
            byte[] body = request.getRequestBody().readAllBytes();
            int status = 200;
            String reply;
            String received = null;
            try {
                Document message = extract(body, namespace, element);
                crypto.decrypt(message, key.privateKey());
                X509Certificate signer = crypto.verify(message);
                System.out.println("--- received, signed by "
                        + signer.getSubjectX500Principal().getName() + " (signature valid)");
                System.out.println(SecureXml.indented(SecureXml.serialize(message)));
                received = id.of(message);
                record(received, !receiving.add(received));
                reply = answer.to(message);
                pause(answerAfter);
            } catch (GatewayException e) {
                System.out.println("--- refused: " + e.code() + " " + e.getMessage());
                status = 400;
                reply = e.code().name();
            }
            try {
                byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
                request.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
                request.sendResponseHeaders(status, bytes.length);
                request.getResponseBody().write(bytes);
            } finally {
                if (received != null) {
                    receiving.remove(received);
                }
            }
        }
    }

    /** Plays an outage while the --unavailable-while file exists; answers whether it did. */
    private boolean unavailable(HttpExchange request) throws IOException {
        if (unavailableWhile == null || !Files.exists(unavailableWhile)) {
            return false;
        }
        if (Files.readString(unavailableWhile).strip().equals("hang")) {
            pause(Duration.ofSeconds(15));
        }
        request.sendResponseHeaders(503, -1);
        return true;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void record(String id, boolean overlapping) throws IOException {
        if (record != null) {
            Files.writeString(
                    record,
                    id + (overlapping ? " OVERLAP" : "") + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    /** The one protected element of the body, as a document of its own (a SOAP body or a plain POST). */
    private static Document extract(byte[] body, String namespace, String element) {
        Element found = (Element)
                SecureXml.parse(body).getElementsByTagNameNS(namespace, element).item(0);
        if (found == null) {
            throw new GatewayException(ErrorCode.PROFILE_VIOLATION, "no " + element + " in the request");
        }
        Document document = SecureXml.newDocument();
        document.appendChild(document.importNode(found, true));
        return SecureXml.parse(SecureXml.serialize(document));
    }

    static String text(Document document, String namespace, String name) {
        return document.getElementsByTagNameNS(namespace, name).item(0).getTextContent();
    }
}
