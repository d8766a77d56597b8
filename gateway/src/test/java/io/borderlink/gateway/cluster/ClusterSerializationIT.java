package io.borderlink.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.borderlink.gateway.support.GatewayTestSupport;
import java.io.Serializable;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A member deserializes only the classes Borderlink puts into the cluster: anything else is refused. */
class ClusterSerializationIT extends GatewayTestSupport {

    /** Stands for a deserialization gadget: a serializable class nobody allowed. */
    record Gadget(String command) implements Serializable {}

    @Autowired
    private HazelcastInstance hazelcast;

    @Test
    void refusesToDeserializeAClassOutsideTheAllowList() {
        IMap<String, Object> map = hazelcast.getMap("hostile-" + UUID.randomUUID());
        map.put("gadget", new Gadget("touch /tmp/pwned"));

        assertThatThrownBy(() -> map.get("gadget")).hasMessageContaining(Gadget.class.getName());
    }

    @Test
    void stillCarriesStringsAndNumbers() {
        IMap<String, Object> map = hazelcast.getMap("plain-" + UUID.randomUUID());
        map.put("count", 3);
        map.put("leader", "node-1");

        assertThat(map.get("count")).isEqualTo(3);
        assertThat(map.get("leader")).isEqualTo("node-1");
    }
}
