package io.borderlink.gateway.cluster;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded Hazelcast member. Members find each other over TCP/IP only; multicast is never used.
 *
 * @param nodeId this node's name in leases and audit; defaults to host name plus a random suffix
 * @param clusterName nodes with different names never join each other (tests use a random one)
 * @param bindAddress the only interface Hazelcast listens on
 * @param port the first port tried; the next ones are used when it is taken
 * @param members where the other members are, as {@code host[:port]}
 */
@Validated
@ConfigurationProperties("borderlink.cluster")
public record ClusterSettings(
        String nodeId,
        @DefaultValue("borderlink-dev") @NotBlank String clusterName,
        @DefaultValue("127.0.0.1") @NotBlank String bindAddress,
        @DefaultValue("5701") int port,
        @DefaultValue("127.0.0.1") @NotEmpty List<String> members) {}
