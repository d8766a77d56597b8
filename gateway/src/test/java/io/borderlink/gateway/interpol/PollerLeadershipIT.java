package io.borderlink.gateway.interpol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.borderlink.gateway.BorderlinkApplication;
import io.borderlink.testkit.LoopbackPorts;
import io.borderlink.testkit.PartnerFolders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two gateway nodes in one JVM, each with its own database, joined over 127.0.0.1 into one Hazelcast
 * cluster: only one of them polls (its database alone records sweeps), no third member appears and no
 * member multicasts, and when that node stops the other takes over. The feed is a closed loopback port, so every sweep is a
 * {@code PARTNER_UNAVAILABLE} audited by whoever polled.
 */
class PollerLeadershipIT {

    private final String clusterName = "leadership-" + UUID.randomUUID();
    private final int[] ports = {LoopbackPorts.free(), LoopbackPorts.free()};
    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;

    @AfterEach
    void stopBoth() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {first, second}) {
            if (node != null && node.isActive()) {
                node.close();
            }
        }
    }

    @Test
    void pollsOnExactlyOneNodeAndFailsOverWhenItStops() {
        Path partners = PartnerFolders.copyOfTheRealPartners();
        PartnerFolders.edit(partners, "interpol-ncb.yml", yaml -> yaml.replace("interval: 15m", "interval: 1s"));
        first = node(ports[0], partners);
        second = node(ports[1], partners);

        assertThat(membersOfOurCluster()).hasSize(2).allSatisfy(member -> assertThat(
                        member.getCluster().getMembers())
                .hasSize(2));
        assertThat(Hazelcast.getAllHazelcastInstances())
                .as("no member in this JVM uses multicast (a Camel component starting its own would)")
                .noneMatch(h -> h.getConfig()
                        .getNetworkConfig()
                        .getJoin()
                        .getMulticastConfig()
                        .isEnabled());
        await().atMost(Duration.ofSeconds(30)).until(() -> sweeps(first) + sweeps(second) >= 6);
        ConfigurableApplicationContext leader = sweeps(first) > 0 ? first : second;
        ConfigurableApplicationContext follower = leader == first ? second : first;
        int led = sweeps(leader);
        await().atMost(Duration.ofSeconds(30)).until(() -> sweeps(leader) >= led + 6);
        assertThat(sweeps(follower)).isZero();

        leader.close();

        await().atMost(Duration.ofSeconds(60)).until(() -> sweeps(follower) >= 3);
        assertThat(membersOfOurCluster()).hasSize(1);
    }

    private ConfigurableApplicationContext node(int port, Path partners) {
        // Command-line arguments, since they win over application-test.yml; default properties would not.
        return new SpringApplicationBuilder(BorderlinkApplication.class)
                .profiles("dev", "test")
                .run(
                        "--server.port=0",
                        "--borderlink.config.partners=" + partners,
                        "--borderlink.cluster.cluster-name=" + clusterName,
                        "--borderlink.cluster.port=" + port,
                        "--borderlink.cluster.members=127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1],
                        "--borderlink.poll.enabled=true",
                        "--borderlink.poll.check-interval=200ms",
                        "--borderlink.partner.interpol-ncb.notices-url=http://127.0.0.1:" + LoopbackPorts.free()
                                + "/notices/v1/");
    }

    /** Hazelcast members in this JVM that belong to the test's cluster: one per running node, never more. */
    private List<HazelcastInstance> membersOfOurCluster() {
        return Hazelcast.getAllHazelcastInstances().stream()
                .filter(h -> clusterName.equals(h.getConfig().getClusterName()))
                .toList();
    }

    /** POLL/OK events in the node's own database: one per list swept. */
    private static int sweeps(ConfigurableApplicationContext node) {
        return node.getBean(JdbcTemplate.class)
                .queryForObject(
                        "SELECT COUNT(*) FROM audit_event WHERE step = 'POLL' AND outcome = 'OK'", Integer.class);
    }
}
