package io.borderlink.tools;

import io.borderlink.testkit.StubServer;
import io.borderlink.testkit.StubServer.Role;
import io.borderlink.testkit.StubServer.Settings;
import java.time.Duration;
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

    int serve(Role role, String identity) throws InterruptedException {
        StubServer stub = StubServer.start(
                role,
                identity,
                Settings.defaults().port(port).answerAfter(answerAfter).log(System.out::println));
        System.out.println(identity + " listening on " + stub.endpoint() + " (Ctrl-C to stop)");
        new CountDownLatch(1).await();
        return 0;
    }
}
