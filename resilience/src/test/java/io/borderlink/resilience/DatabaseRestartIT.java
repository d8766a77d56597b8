package io.borderlink.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderlink.testkit.GatewayProcess;
import io.borderlink.testkit.StubServer;
import io.borderlink.testkit.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL is stopped and started again while 40 exchanges stream in: while it is down every submission
 * is refused with 503 STORE_UNAVAILABLE and none gets a receipt it could not store; afterwards the gateway
 * reconnects by itself and every accepted exchange is delivered.
 */
class DatabaseRestartIT {

    @Test
    void refusesSubmissionsClearlyWhileTheDatabaseIsDownAndRecoversAfterwards() throws Exception {
        try (Scenario scenario = new Scenario("database")) {
            List<Path> documents = Submitter.documents(scenario, 40);
            StubServer partner = scenario.partner(Duration.ZERO);
            GatewayProcess node = scenario.node("a", partner);

            try (Submitter submitter = new Submitter(documents, attempt -> node, Duration.ofMillis(100))) {
                await().atMost(Duration.ofMinutes(1)).until(() -> submitter.accepted() >= 10);
                TestPostgres.shared().stop();
                try {
                    await().atMost(Duration.ofMinutes(1))
                            .until(() -> submitter.refusals().getOrDefault("503 STORE_UNAVAILABLE", 0) >= 3);
                } finally {
                    TestPostgres.shared().start();
                }

                Tally tally =
                        Tally.settle(scenario, submitter, partner).report(scenario, "refusals=" + submitter.refusals());
                assertThat(submitter.refusals()).containsOnlyKeys("503 STORE_UNAVAILABLE");
                tally.assertNothingLost(documents.size());
            }
        }
    }
}
