package io.borderlink.gateway.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    NodeIdentity nodeIdentity(ClusterSettings settings) {
        if (settings.nodeId() != null && !settings.nodeId().isBlank()) {
            return new NodeIdentity(settings.nodeId());
        }
        return new NodeIdentity(hostName() + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /**
     * One embedded member per node: TCP/IP join on the configured interface only, no multicast, no phone-home.
     * Under prod a node whose configuration is refused never joins its cluster: the check comes first.
     */
    @Bean(destroyMethod = "shutdown")
    @DependsOn("productionReadiness")
    HazelcastInstance hazelcastInstance(ClusterSettings settings, NodeIdentity node) {
        Config config = new Config();
        config.setClusterName(settings.clusterName());
        config.setInstanceName("borderlink-" + node.id());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.getJetConfig().setEnabled(false);

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(settings.port()).setPortAutoIncrement(true);
        network.getInterfaces().setEnabled(true).addInterface(settings.bindAddress());
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(settings.members());
        return Hazelcast.newHazelcastInstance(config);
    }

    /**
     * How often a node that leads nothing tries to take over: how long a leader's work waits after that
     * leader stopped.
     */
    static final Duration LEADERSHIP_ATTEMPT_INTERVAL = Duration.ofSeconds(2);

    /**
     * Who leads each {@code master:} namespace (the INTERPOL poller), decided on this node's own Hazelcast
     * member, so no second member is started. Added to Camel as a service so that it starts before the
     * routes and stops with them, giving up what this node leads.
     */
    @Bean
    CamelClusterService camelClusterService(
            CamelContext camelContext,
            HazelcastInstance hazelcastInstance,
            Quorum quorum,
            NodeIdentity node,
            MeterRegistry meters)
            throws Exception {
        HazelcastLockClusterService service = new HazelcastLockClusterService(
                hazelcastInstance, quorum, node.id(), LEADERSHIP_ATTEMPT_INTERVAL, meters);
        camelContext.addService(service, true, true);
        return service;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
