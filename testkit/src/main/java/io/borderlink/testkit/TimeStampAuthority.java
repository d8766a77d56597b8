package io.borderlink.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An RFC 3161 time-stamping authority on loopback, answered by {@code openssl ts -reply} with a TSA
 * certificate of a {@link TestPki}: what the prod profile requires for anchoring the audit trail, in tests
 * and rehearsals. Takes {@code application/timestamp-query} posts at {@code /tsa}.
 */
public final class TimeStampAuthority implements AutoCloseable {

    private final HttpServer server;
    private final Path home;
    private final AtomicLong requests = new AtomicLong();

    private TimeStampAuthority(HttpServer server, Path home) {
        this.server = server;
        this.home = home;
    }

    /**
     * Starts on {@code port} (0: a free one), signing with {@code signer}, a TIME_STAMPING certificate issued by
     * the CA whose certificate is {@code issuer}.
     */
    public static TimeStampAuthority start(TestPki.Issued signer, Path issuer, int port) {
        try {
            Path home = Files.createDirectories(signer.certificateFile().resolveSibling("tsa-" + signer.name()));
            Files.writeString(home.resolve("serial"), "01\n");
            Files.writeString(
                    home.resolve("tsa.cnf"),
                    """
                    [ tsa ]
                    default_tsa = this_tsa
                    [ this_tsa ]
                    serial = %s
                    signer_cert = %s
                    signer_key = %s
                    certs = %s
                    signer_digest = sha256
                    default_policy = 1.3.6.1.4.1.99999.1
                    digests = sha256, sha384, sha512
                    accuracy = secs:1
                    ordering = yes
                    tsa_name = no
                    ess_cert_id_chain = no
                    ess_cert_id_alg = sha256
                    """
                            .formatted(
                                    home.resolve("serial").toAbsolutePath(),
                                    signer.certificateFile().toAbsolutePath(),
                                    signer.keyFile().toAbsolutePath(),
                                    issuer.toAbsolutePath()));
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
            TimeStampAuthority tsa = new TimeStampAuthority(server, home);
            server.createContext("/tsa", tsa::answer);
            server.start();
            return tsa;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the time-stamping authority", e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    private synchronized void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            long n = requests.incrementAndGet();
            Path query = home.resolve(n + ".tsq");
            Path reply = home.resolve(n + ".tsr");
            Files.write(query, exchange.getRequestBody().readAllBytes());
            try {
                Openssl.run("ts", "-reply", "-config", home.resolve("tsa.cnf"), "-queryfile", query, "-out", reply);
            } catch (IllegalStateException e) {
                byte[] error = e.getMessage().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(500, error.length);
                exchange.getResponseBody().write(error);
                return;
            }
            byte[] answer = Files.readAllBytes(reply);
            exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
