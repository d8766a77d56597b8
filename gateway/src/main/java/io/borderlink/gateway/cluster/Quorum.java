package io.borderlink.gateway.cluster;

import com.hazelcast.core.HazelcastInstance;
import org.springframework.stereotype.Component;

/**
 * Whether this node sees enough of the cluster ({@code borderlink.cluster.minimum-members}) to act on
 * cluster-wide counts. On the minority side of a split brain it does not, and callers fail closed. Asked
 * of the live member list each time: Hazelcast's own split-brain protection counts a lone member as
 * protected until its first membership change. Its gauges are {@link ClusterView}'s.
 */
@Component
public class Quorum {

    private final HazelcastInstance hazelcast;
    private final int minimumMembers;

    Quorum(HazelcastInstance hazelcast, ClusterSettings settings) {
        this.hazelcast = hazelcast;
        this.minimumMembers = settings.minimumMembers();
    }

    public boolean present() {
        return minimumMembers <= 1 || hazelcast.getCluster().getMembers().size() >= minimumMembers;
    }
}
