package io.borderlink.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderlink.testkit.GatewayProcess;
import io.borderlink.testkit.LoopbackPorts;
import io.borderlink.testkit.StubServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Three gateway nodes on one PostgreSQL and one Hazelcast cluster, each counting partner rates and leading
 * only with a majority (minimum-members 2 of 3), share a stream of 80 exchanges and a slow partner.
 *
 * <ol>
 *   <li>Node a is killed with SIGKILL mid-stream: b and c finish its work, the shares it held leases on
 *       included; the partner never receives one share from two sends at once, and nothing is lost. They
 *       keep one leader (the INTERPOL poller's) between them and keep counting rates: nothing is held.
 *   <li>a comes back and rejoins: all three see three members.
 *   <li>a is cut off alone (b and c frozen with SIGSTOP): it sees one member, leads nothing, and holds a
 *       rate-limited share for an officer rather than counting alone.
 *   <li>b and c come back: the cluster heals, a rejoins, and exactly one node leads.
 * </ol>
 */
class ClusterFailoverIT {

    private static final String LEADER = "borderlink_cluster_leader";
    private static final String MEMBERS = "borderlink_cluster_members";
    private static final String QUORUM = "borderlink_cluster_quorum";

    @Test
    void threeNodesCarryOnWithoutALostNodeAndANodeCutOffAloneHoldsUntilItRejoins() throws Exception {
        try (Scenario scenario = new Scenario("cluster").majorityOf(2)) {
            List<Path> documents = Submitter.documents(scenario, 80);
            // Slow enough that every node has deliveries under way when a dies.
            StubServer partner = scenario.partner(Duration.ofMillis(700));
            int clusterA = LoopbackPorts.free();
            int clusterB = LoopbackPorts.free();
            int clusterC = LoopbackPorts.free();
            List<Integer> members = List.of(clusterA, clusterB, clusterC);
            GatewayProcess a = scenario.start("a", partner, clusterA, members);
            GatewayProcess b = scenario.start("b", partner, clusterB, members);
            GatewayProcess c = scenario.start("c", partner, clusterC, members);
            for (GatewayProcess node : List.of(a, b, c)) {
                node.awaitHealthy(Duration.ofMinutes(4));
            }
            await().atMost(Duration.ofMinutes(1)).until(() -> seeing(3, a, b, c));

            // 1. One node lost.
            List<GatewayProcess> nodes = List.of(a, b, c);
            AtomicInteger turn = new AtomicInteger();
            Tally tally;
            List<String> leasedByA;
            int pendingAtKill;
            try (Submitter submitter =
                    new Submitter(documents, attempt -> alive(nodes, turn.getAndIncrement()), Duration.ofMillis(100))) {
                await().atMost(Duration.ofMinutes(1))
                        .until(() ->
                                submitter.accepted() >= 40 && partner.received().size() >= 10);
                a.kill();
                leasedByA =
                        scenario.query("SELECT id FROM share WHERE state = 'PENDING' AND lease_owner = 'cluster-a'");
                pendingAtKill = scenario.count("SELECT COUNT(*) FROM share WHERE state = 'PENDING'");
                tally = Tally.settle(scenario, submitter, partner);
                assertThat(leasedByA).isNotEmpty();
                assertThat(partner.received().stream().map(line -> line.split(" ")[0]))
                        .containsAll(leasedByA);
                assertThat(tally.overlapping()).isZero();
                tally.assertNothingLost(documents.size());
            }
            await().atMost(Duration.ofMinutes(1)).until(() -> leaders(b, c) == 1);
            assertThat(b.metric(QUORUM) + c.metric(QUORUM)).isEqualTo(2);
            assertThat(scenario.count("SELECT COUNT(*) FROM share WHERE state = 'HELD'"))
                    .as("rates were counted across the two nodes left: nothing held")
                    .isZero();

            // 2. The lost node comes back and rejoins.
            GatewayProcess back = scenario.node("a-back", partner, clusterA, members);
            await().atMost(Duration.ofMinutes(1)).until(() -> seeing(3, back, b, c));

            // 3. Cut off alone: the other two stop answering.
            Instant cut = Instant.now();
            b.suspend();
            c.suspend();
            String heldExchange;
            Duration alone;
            try {
                await().atMost(Duration.ofMinutes(1))
                        .until(() -> back.metric(MEMBERS) == 1 && back.metric(QUORUM) == 0);
                alone = Duration.between(cut, Instant.now());
                // Each namespace's leadership thread resigns at its next attempt once the quorum is gone.
                await().atMost(Duration.ofSeconds(30)).until(() -> back.metric(LEADER) == 0);
                assertThat(back.metric(LEADER))
                        .as("a node cut off leads nothing")
                        .isZero();
                heldExchange = submitAlone(scenario, back);
                assertThat(scenario.query(
                                "SELECT state || ' ' || rule_id FROM share WHERE exchange_id = '" + heldExchange + "'"))
                        .containsExactly("HELD rate-limit");
                assertThat(back.metric(LEADER)).isZero();
            } finally {
                b.resume();
                c.resume();
            }

            // 4. Healed: it rejoins, and one node leads.
            Instant healing = Instant.now();
            await().atMost(Duration.ofMinutes(2)).until(() -> seeing(3, back, b, c));
            Duration rejoined = Duration.between(healing, Instant.now());
            await().atMost(Duration.ofMinutes(1)).until(() -> leaders(back, b, c) == 1);

            tally.report(
                    scenario,
                    "nodes=3 leased-by-killed-node=" + leasedByA.size() + " pending-at-kill=" + pendingAtKill
                            + " cut-off-node-alone-after=" + alone.toSeconds() + "s held-while-alone=1"
                            + " rejoined-after=" + rejoined.toSeconds() + "s leaders=1");
        }
    }

    /** One more border incident, submitted to the node cut off; answers its exchange id once accepted. */
    private static String submitAlone(Scenario scenario, GatewayProcess node) throws Exception {
        try (Submitter submitter =
                new Submitter(Submitter.documents(scenario, 1), attempt -> node, Duration.ofMillis(200))) {
            await().atMost(Duration.ofMinutes(1)).until(submitter::finished);
            return submitter.receipts().iterator().next();
        }
    }

    /** The live node whose turn it is, round the nodes. */
    private static GatewayProcess alive(List<GatewayProcess> nodes, int turn) {
        List<GatewayProcess> live = nodes.stream().filter(GatewayProcess::alive).toList();
        return live.get(turn % live.size());
    }

    private static boolean seeing(int members, GatewayProcess... nodes) throws Exception {
        for (GatewayProcess node : nodes) {
            if (node.metric(MEMBERS) != members) {
                return false;
            }
        }
        return true;
    }

    private static double leaders(GatewayProcess... nodes) {
        return Stream.of(nodes)
                .mapToDouble(node -> {
                    try {
                        return node.metric(LEADER, "namespace=\"interpol-poll\"");
                    } catch (Exception e) {
                        return Double.NaN;
                    }
                })
                .sum();
    }
}
