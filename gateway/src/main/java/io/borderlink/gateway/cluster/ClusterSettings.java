package io.borderlink.gateway.cluster;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded Hazelcast member. Members find each other over TCP/IP only; multicast is never used. Nothing
 * but the port has a default: the development profile names a cluster of one on loopback, production names
 * its own (and refuses loopback and a minimum that is not a majority, docs/production.md).
 *
 * @param nodeId this node's name in leases and audit; defaults to host name plus a random suffix
 * @param clusterName nodes with different names never join each other (tests use a random one)
 * @param bindAddress the only interface Hazelcast listens on
 * @param port the first port tried; the next ones are used when it is taken
 * @param members every member of the cluster, this one included, as {@code host[:port]}
 * @param minimumMembers the fewest members this node must see to count partner rates; set it
 *     to a majority of the cluster (3 nodes: 2) so that the minority side of a split brain holds shares
 *     for an officer rather than releasing them against a count of its own. 1 turns it off (development).
 */
@Validated
@ConfigurationProperties("borderlink.cluster")
public record ClusterSettings(
        String nodeId,
        @NotBlank String clusterName,
        @NotBlank String bindAddress,
        @DefaultValue("5701") int port,
        @NotEmpty List<String> members,
        @Min(1) int minimumMembers) {}
