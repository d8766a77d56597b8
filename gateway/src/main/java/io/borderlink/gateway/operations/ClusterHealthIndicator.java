package io.borderlink.gateway.operations;

import io.borderlink.gateway.cluster.ClusterView;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code cluster}: the members this node reaches and who leads what. DOWN on the minority side of a split
 * cluster (fewer members than {@code borderlink.cluster.minimum-members}); it is part of the readiness
 * group, so an orchestrator stops sending work to such a node until the cluster heals.
 */
@Component
class ClusterHealthIndicator implements HealthIndicator {

    private final ClusterView cluster;

    ClusterHealthIndicator(ClusterView cluster) {
        this.cluster = cluster;
    }

    @Override
    public Health health() {
        ClusterView.Snapshot now = cluster.snapshot();
        return (now.quorum() ? Health.up() : Health.down())
                .withDetail("node", now.node())
                .withDetail("members", now.members())
                .withDetail("minimumMembers", now.minimumMembers())
                .withDetail("leaders", now.leaders())
                .build();
    }
}
