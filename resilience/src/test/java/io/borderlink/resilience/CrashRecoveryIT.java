package io.borderlink.resilience;

import static org.awaitility.Awaitility.await;

import io.borderlink.testkit.GatewayProcess;
import io.borderlink.testkit.StubServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The border police stream 60 exchanges to a gateway that is killed with SIGKILL half-way and started
 * again: every exchange that got a receipt is in the database and reaches RU-LIAISON; submissions that got
 * no receipt are retried and answered with the original receipt if the first had been stored.
 */
class CrashRecoveryIT {

    @Test
    void deliversEveryAcceptedExchangeAfterTheGatewayIsKilledMidStream() throws Exception {
        try (Scenario scenario = new Scenario("crash")) {
            List<Path> documents = Submitter.documents(scenario, 60);
            StubServer partner = scenario.partner(Duration.ofMillis(100));
            AtomicReference<GatewayProcess> live = new AtomicReference<>(scenario.node("a", partner));

            try (Submitter submitter = new Submitter(documents, attempt -> live.get(), Duration.ofMillis(100))) {
                await().atMost(Duration.ofMinutes(2))
                        .until(() -> submitter.accepted() >= 20
                                && !partner.received().isEmpty());
                live.get().kill();
                live.set(scenario.node("a-restarted", partner));
                Tally tally = Tally.settle(scenario, submitter, partner)
                        .report(
                                "crash",
                                "receipts-answered-as-duplicates="
                                        + submitter.duplicateReceipts().size() + " refusals=" + submitter.refusals());
                tally.assertNothingLost(documents.size());
            }
        }
    }
}
