package io.borderlink.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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

    @Test
    void anotherTestJvmRunningAlongsideTakesItsPortsFromAnotherBlock() throws Exception {
        int mine = LoopbackPorts.free();
        Process other = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        OnePort.class.getName())
                .redirectErrorStream(true)
                .start();
        assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String printed = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(other.exitValue()).as(printed).isZero();
        assertThat(Integer.parseInt(printed) / 1000).isNotEqualTo(mine / 1000);
    }

    /** The other JVM: prints the first port it is handed. */
    static final class OnePort {
        public static void main(String[] arguments) {
            System.out.println(LoopbackPorts.free());
        }
    }
}
