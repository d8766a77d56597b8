package io.borderlink.tools;

import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.SigningKey;
import io.borderlink.crypto.TlsContexts;
import io.borderlink.testkit.StubServer;
import io.borderlink.testkit.StubServer.Role;
import io.borderlink.testkit.StubServer.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Option;

/** What both stubs take, and serving until the process is stopped. A picocli mixin. */
final class StubOptions {

    @Option(names = "--port", required = true, description = "HTTPS port on 127.0.0.1")
    int port;

    @Option(
            names = "--answer-after",
            defaultValue = "PT0S",
            description =
                    "play a slow recipient: answer each delivery this long (ISO-8601, e.g. PT0.2S) after it arrived")
    Duration answerAfter;

    @Option(
            names = "--key-store",
            description = "play with this PKCS#12 key store (alias = file name, password $BORDERLINK_STUB_PASSWORD or"
                    + " changeit) instead of the certs-dev identity, e.g. a rehearsal PKI's ru-liaison.p12")
    Path keyStore;

    @Option(
            names = "--trust",
            description = "with --key-store: the root the gateway's TLS client certificate chains to (PEM)")
    Path trust;

    int serve(Role role, String identity) throws InterruptedException {
        Settings settings =
                Settings.defaults().port(port).answerAfter(answerAfter).log(System.out::println);
        StubServer stub;
        if (keyStore == null) {
            stub = StubServer.start(role, identity, settings);
        } else {
            String password = System.getenv().getOrDefault("BORDERLINK_STUB_PASSWORD", "changeit");
            SigningKey key = Certificates.readKey(
                    keyStore,
                    password.toCharArray(),
                    keyStore.getFileName().toString().replaceFirst("\\.p12$", ""));
            if (trust == null) {
                throw new IllegalArgumentException("--key-store needs --trust");
            }
            stub = StubServer.start(
                    role,
                    identity,
                    key,
                    TlsContexts.mutual(key, List.of(Certificates.readCertificate(trust))),
                    settings);
        }
        System.out.println(identity + " listening on " + stub.endpoint() + " (Ctrl-C to stop)");
        new CountDownLatch(1).await();
        return 0;
    }
}
