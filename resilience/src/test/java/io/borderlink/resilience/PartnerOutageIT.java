package io.borderlink.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderlink.resilience.Scenario.Database;
import io.borderlink.testkit.GatewayProcess;
import io.borderlink.testkit.StubServer;
import io.borderlink.testkit.StubServer.Outage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * RU-LIAISON answers 503, then stops answering at all (the gateway times out), then recovers, while 30
 * exchanges are accepted: RU-LIAISON's circuit opens, and opens again when a probe times out; nothing is
 * dead-lettered although the outage lasts far longer than 8 attempts with backoff would; after recovery a
 * probe closes the circuit and every share is delivered. On PostgreSQL and on the embedded H2 of the
 * development profile.
 */
class PartnerOutageIT {

    private static final String TRANSITIONS = "borderlink_delivery_circuit_transitions_total";

    @ParameterizedTest
    @EnumSource(Database.class)
    void deliversEveryShareAfterAPartnerOutageWhileTheCircuitOpensAndCloses(Database database) throws Exception {
        try (Scenario scenario = new Scenario("outage", database)) {
            List<Path> documents = Submitter.documents(scenario, 30);
            StubServer partner = scenario.partner(Duration.ZERO);
            GatewayProcess node = scenario.node("a", partner);
            partner.outage(Outage.REFUSE);

            try (Submitter submitter = new Submitter(documents, attempt -> node, Duration.ofMillis(100))) {
                await().atMost(Duration.ofMinutes(1)).until(() -> node.metric(TRANSITIONS, "to=\"OPEN\"") >= 1);
                partner.outage(Outage.HANG);
                // A probe that times out opens the circuit again.
                await().atMost(Duration.ofMinutes(1))
                        .until(() -> node.metric(TRANSITIONS, "from=\"HALF_OPEN\"", "to=\"OPEN\"") >= 1);
                await().atMost(Duration.ofMinutes(1)).until(submitter::finished);
                assertThat(partner.received()).isEmpty();
                partner.outage(Outage.NONE);

                Tally settled = Tally.settle(scenario, submitter, partner);
                double opened = node.metric(TRANSITIONS, "to=\"OPEN\"");
                double closed = node.metric(TRANSITIONS, "to=\"CLOSED\"");
                Tally tally = settled.report(
                        scenario,
                        "circuit-opened=" + (int) opened + " circuit-closed=" + (int) closed
                                + " dead-letters=" + deadLetters(scenario)
                                + " most-attempts-on-one-share=" + mostAttempts(scenario));
                assertThat(closed).isGreaterThanOrEqualTo(1);
                assertThat(deadLetters(scenario)).isZero();
                tally.assertNothingLost(documents.size());
            }
        }
    }

    private static int deadLetters(Scenario scenario) throws Exception {
        return scenario.count("SELECT COUNT(*) FROM share WHERE state = 'DEAD_LETTER'");
    }

    private static int mostAttempts(Scenario scenario) throws Exception {
        return scenario.count("SELECT COALESCE(MAX(attempts), 0) FROM share");
    }
}
