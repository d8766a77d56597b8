package io.borderlink.gateway.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The cluster as this node sees it, for operators: the members it can reach, whether that is a quorum,
 * and who leads each piece of single-node work (a {@code master:} namespace such as the INTERPOL poller).
 * The first two are gauges as well ({@code borderlink.cluster.members}, {@code borderlink.cluster.quorum}).
 */
@Component
public class ClusterView {

    private final HazelcastInstance hazelcast;
    private final Quorum quorum;
    private final ClusterSettings settings;
    private final NodeIdentity node;

    ClusterView(
            HazelcastInstance hazelcast,
            Quorum quorum,
            ClusterSettings settings,
            NodeIdentity node,
            MeterRegistry meters) {
        this.hazelcast = hazelcast;
        this.quorum = quorum;
        this.settings = settings;
        this.node = node;
        Gauge.builder("borderlink.cluster.members", hazelcast, h -> h.getCluster()
                        .getMembers()
                        .size())
                .description("cluster members this node reaches, itself included")
                .register(meters);
        Gauge.builder("borderlink.cluster.quorum", quorum, q -> q.present() ? 1 : 0)
                .description("1 while this node reaches borderlink.cluster.minimum-members, 0 on a minority side")
                .register(meters);
    }

    public Snapshot snapshot() {
        List<String> members = hazelcast.getCluster().getMembers().stream()
                .map(ClusterView::describe)
                .toList();
        return new Snapshot(node.id(), members, settings.minimumMembers(), quorum.present(), leaders());
    }

    /**
     * Who leads what, from the map the leaders write their names into. Empty when this node cannot read it
     * (while the cluster is splitting, say): the leadership itself is unaffected.
     */
    private Map<String, String> leaders() {
        try {
            return new TreeMap<>(hazelcast.<String, String>getMap(HazelcastLockClusterService.LEADERS));
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private static String describe(Member member) {
        return member.getAddress().getHost() + ":" + member.getAddress().getPort()
                + (member.localMember() ? " (this node)" : "");
    }

    /**
     * @param node this node's id
     * @param members the members this node can reach, itself included, as host:port
     * @param minimumMembers how many it must reach to act on cluster-wide counts and to lead
     * @param quorum whether it does
     * @param leaders namespace → the id of the node that leads it
     */
    public record Snapshot(
            String node, List<String> members, int minimumMembers, boolean quorum, Map<String, String> leaders) {}
}
