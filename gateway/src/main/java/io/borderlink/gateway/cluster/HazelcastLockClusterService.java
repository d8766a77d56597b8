package io.borderlink.gateway.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's cluster service for the master component ({@code master:<namespace>:<uri>}), on this node's own
 * Hazelcast member: the leader of a namespace is the node holding the lock of that key in one Hazelcast
 * map. camel-hazelcast 4.17 has no cluster service of its own, and the CP lock one would use is
 * Enterprise-only in Hazelcast 5.5; map locks are AP and free. A node that stops gives the lock up, a
 * member that leaves the cluster loses it, and another node takes it at its next attempt. Only a node with
 * a {@link Quorum} leads: with {@code borderlink.cluster.minimum-members} set to a majority, the minority
 * side of a split brain gives its leaderships up and elects none; without it, each side may lead until
 * the cluster heals.
 */
final class HazelcastLockClusterService extends AbstractCamelClusterService<HazelcastLockClusterService.LockView> {

    static final String LEADERS = "borderlink-leaders";

    private static final Logger log = LoggerFactory.getLogger(HazelcastLockClusterService.class);

    private final HazelcastInstance hazelcast;
    private final Quorum quorum;
    private final String nodeId;
    private final Duration attemptInterval;
    private final MeterRegistry meters;

    HazelcastLockClusterService(
            HazelcastInstance hazelcast, Quorum quorum, String nodeId, Duration attemptInterval, MeterRegistry meters) {
        super("hazelcast-lock");
        this.hazelcast = hazelcast;
        this.quorum = quorum;
        this.nodeId = nodeId;
        this.attemptInterval = attemptInterval;
        this.meters = meters;
    }

    @Override
    protected LockView createView(String namespace) {
        return new LockView(namespace);
    }

    /**
     * One namespace. The lock belongs to the thread that took it, so one thread of the view's own takes it,
     * keeps it and gives it back.
     */
    final class LockView extends AbstractCamelClusterView {

        /** The lock of each namespace's key is the leadership; the value only names the leader to the others. */
        private final IMap<String, String> leaders = hazelcast.getMap(LEADERS);

        private final CamelClusterMember local = new LocalMember();
        private volatile boolean leader;
        private ScheduledExecutorService executor;

        LockView(String namespace) {
            super(HazelcastLockClusterService.this, namespace);
            // Which node does a namespace's work (polls INTERPOL, say): 1 on exactly one node of a healthy cluster.
            Gauge.builder("borderlink.cluster.leader", this, view -> view.leader ? 1 : 0)
                    .description("1 while this node leads the namespace")
                    .tag("namespace", namespace)
                    .register(meters);
        }

        @Override
        public Optional<CamelClusterMember> getLeader() {
            if (leader) {
                return Optional.of(local);
            }
            return Optional.ofNullable(leaders.get(getNamespace())).map(OtherLeader::new);
        }

        @Override
        public CamelClusterMember getLocalMember() {
            return local;
        }

        @Override
        public List<CamelClusterMember> getMembers() {
            return getLeader()
                    .filter(l -> !l.isLocal())
                    .map(l -> List.of(local, l))
                    .orElse(List.of(local));
        }

        @Override
        protected void doStart() {
            executor = getCamelContext()
                    .getExecutorServiceManager()
                    .newSingleThreadScheduledExecutor(this, "leadership-" + getNamespace());
            executor.scheduleWithFixedDelay(this::tryToLead, 0, attemptInterval.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        protected void doStop() throws InterruptedException {
            try {
                executor.submit(this::resign).get();
            } catch (ExecutionException e) {
                log.warn("could not give up the leadership of {}", getNamespace(), e.getCause());
            } finally {
                getCamelContext().getExecutorServiceManager().shutdownNow(executor);
            }
        }

        private void tryToLead() {
            try {
                if (!quorum.present()) {
                    resign();
                    return;
                }
                if (!leader && leaders.tryLock(getNamespace())) {
                    if (!quorum.present()) {
                        // The cluster split while the lock was being taken (a lost member's lock is freed once
                        // it is declared gone): a node in the minority must not lead.
                        leaders.unlock(getNamespace());
                        return;
                    }
                    // Leader from here on whatever follows fails: the lock is held, and taken again would count twice.
                    leader = true;
                    log.info("{} leads {}", nodeId, getNamespace());
                    fireLeadershipChangedEvent(local);
                    leaders.set(getNamespace(), nodeId);
                }
            } catch (RuntimeException e) {
                // The cluster is shutting down or unreachable: try again at the next attempt.
                log.warn("could not try to lead {}: {}", getNamespace(), e.toString());
            }
        }

        /** This node, leader exactly while the view holds the lock. */
        private final class LocalMember implements CamelClusterMember {

            @Override
            public String getId() {
                return nodeId;
            }

            @Override
            public boolean isLeader() {
                return leader;
            }

            @Override
            public boolean isLocal() {
                return true;
            }
        }

        /** Stops the work first, then gives the lock back (which a node cut off from the others may fail to do). */
        private void resign() {
            if (leader) {
                leader = false;
                log.info("{} no longer leads {}", nodeId, getNamespace());
                fireLeadershipChangedEvent(Optional.empty());
                try {
                    leaders.remove(getNamespace(), nodeId);
                } finally {
                    leaders.unlock(getNamespace());
                }
            }
        }
    }

    /** Another node, known only as the leader of a namespace. */
    private record OtherLeader(String id) implements CamelClusterMember {

        @Override
        public String getId() {
            return id;
        }

        @Override
        public boolean isLeader() {
            return true;
        }

        @Override
        public boolean isLocal() {
            return false;
        }
    }
}
