package io.borderlink.resilience;

import static org.awaitility.Awaitility.await;

import io.borderlink.resilience.Scenario.Database;
import io.borderlink.testkit.GatewayProcess;
import io.borderlink.testkit.StubServer;
import io.borderlink.testkit.StubServer.Outage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The border police stream 60 exchanges over REST while RU-LIAISON answers 503; the gateway is killed with
 * SIGKILL right after its 20th receipt and started again on the same database, and the partner recovers:
 * every exchange that got a receipt is in the database and reaches RU-LIAISON; submissions that got no
 * receipt are retried and answered with the original receipt if the first had been stored. On PostgreSQL
 * and on the embedded H2 of the development profile, whose default would have kept the last commits in
 * memory for up to half a second (WRITE_DELAY) and lost them with the process.
 */
class CrashRecoveryIT {

    @ParameterizedTest
    @EnumSource(Database.class)
    void deliversEveryAcceptedExchangeAfterTheGatewayIsKilledRightAfterAReceipt(Database database) throws Exception {
        try (Scenario scenario = new Scenario("crash", database)) {
            List<Path> documents = Submitter.documents(scenario, 60);
            StubServer partner = scenario.partner(Duration.ofMillis(100));
            partner.outage(Outage.REFUSE);
            AtomicReference<GatewayProcess> live = new AtomicReference<>(scenario.node("a", partner));

            try (Submitter submitter = new Submitter(documents, attempt -> live.get(), Duration.ofMillis(100))) {
                CountDownLatch killed = new CountDownLatch(1);
                submitter.onReceipt(20, () -> {
                    live.get().kill();
                    killed.countDown();
                });
                await().atMost(Duration.ofMinutes(2)).until(() -> killed.await(0, TimeUnit.SECONDS));
                live.set(scenario.node("a-restarted", partner));
                partner.outage(Outage.NONE);
                Tally tally = Tally.settle(scenario, submitter, partner)
                        .report(
                                scenario,
                                "receipts-answered-as-duplicates="
                                        + submitter.duplicateReceipts().size() + " refusals=" + submitter.refusals());
                tally.assertNothingLost(documents.size());
            }
        }
    }
}
