package io.borderlink.gateway.cluster;

import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Whether this node sees enough of the cluster ({@code borderlink.cluster.minimum-members}) to act on
 * cluster-wide counts. On the minority side of a split brain it does not, and callers fail closed. Asked
 * of the live member list each time: Hazelcast's own split-brain protection counts a lone member as
 * protected until its first membership change.
 */
@Component
public class Quorum {

    private final HazelcastInstance hazelcast;
    private final int minimumMembers;

    Quorum(HazelcastInstance hazelcast, ClusterSettings settings, MeterRegistry meters) {
        this.hazelcast = hazelcast;
        this.minimumMembers = settings.minimumMembers();
        // What this node sees of its cluster: a node cut off shows 1 member and no quorum.
        Gauge.builder("borderlink.cluster.members", hazelcast, h -> h.getCluster()
                        .getMembers()
                        .size())
                .description("Cluster members this node sees, itself included")
                .register(meters);
        Gauge.builder("borderlink.cluster.quorum", this, quorum -> quorum.present() ? 1 : 0)
                .description("1 while this node sees at least borderlink.cluster.minimum-members members")
                .register(meters);
    }

    public boolean present() {
        return minimumMembers <= 1 || hazelcast.getCluster().getMembers().size() >= minimumMembers;
    }
}
