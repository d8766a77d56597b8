package io.borderlink.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

    @Test
    void handsOutEachPortOnceBelowTheEphemeralRange() {
        var ports =
                IntStream.range(0, 50).map(i -> LoopbackPorts.free()).boxed().toList();

        assertThat(ports).doesNotHaveDuplicates().allSatisfy(port -> assertThat(port)
                .isBetween(20_000, 32_767));
    }

    @Test
    void skipsAPortAnotherProcessHolds() throws IOException {
        int before = LoopbackPorts.free();
        try (ServerSocket held = new ServerSocket(before + 1, 1, InetAddress.getLoopbackAddress())) {
            assertThat(LoopbackPorts.free()).isGreaterThan(before + 1);
        }
    }
}
