package io.borderlink.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderlink.testkit.GatewayProcess;
import io.borderlink.testkit.StubServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two gateway nodes on one PostgreSQL and one Hazelcast cluster share a stream of 80 exchanges and a slow
 * partner; node a is killed with SIGKILL mid-stream. Node b finishes a's work, the shares a held leases on
 * included; the partner never receives one share from two sends at once, and nothing is lost.
 */
class ClusterFailoverIT {

    @Test
    void survivorFinishesTheKilledNodesWorkWithoutConcurrentSendsOrLoss() throws Exception {
        try (Scenario scenario = new Scenario("cluster")) {
            List<Path> documents = Submitter.documents(scenario, 80);
            // Slow enough that both nodes have deliveries under way when a dies.
            StubServer partner = scenario.partner(Duration.ofMillis(700));
            int clusterA = GatewayProcess.freePort();
            int clusterB = GatewayProcess.freePort();
            GatewayProcess a = scenario.node("a", partner, clusterA, List.of(clusterA, clusterB));
            GatewayProcess b = scenario.node("b", partner, clusterB, List.of(clusterA, clusterB));

            try (Submitter submitter = new Submitter(
                    documents, attempt -> a.alive() && attempt % 2 == 0 ? a : b, Duration.ofMillis(100))) {
                await().atMost(Duration.ofMinutes(1))
                        .until(() ->
                                submitter.accepted() >= 40 && partner.received().size() >= 10);
                a.kill();
                List<String> leasedByA =
                        scenario.query("SELECT id FROM share WHERE state = 'PENDING' AND lease_owner = 'cluster-a'");
                int pendingAtKill = scenario.count("SELECT COUNT(*) FROM share WHERE state = 'PENDING'");

                Tally tally = Tally.settle(scenario, submitter, partner)
                        .report(
                                scenario,
                                "leased-by-killed-node=" + leasedByA.size() + " pending-at-kill=" + pendingAtKill
                                        + " refusals=" + submitter.refusals());
                assertThat(leasedByA).isNotEmpty();
                assertThat(partner.received().stream().map(line -> line.split(" ")[0]))
                        .containsAll(leasedByA);
                assertThat(tally.overlapping()).isZero();
                tally.assertNothingLost(documents.size());
            }
        }
    }
}
