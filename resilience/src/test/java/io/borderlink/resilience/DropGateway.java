package io.borderlink.resilience;

import io.borderlink.testkit.GatewayProcess;
import io.borderlink.testkit.LoopbackPorts;
import io.borderlink.testkit.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A gateway process of the file-drop tests (docs/air-gap.md): its own database and cluster, one partner
 * reached through two folders only, and its own keys. Gateway A is the national gateway with its development
 * keys; gateway B plays RU-LIAISON's own gateway with that partner's development identity as its keys.
 */
final class DropGateway {

    private DropGateway() {}

    /** Gateway A: its partner RU-LIAISON (gateway B) writes into {@code in} and reads from {@code out}. */
    static GatewayProcess a(Scenario scenario, String node, Path out, Path in, List<String> more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--borderlink.config.partners=resilience/src/test/resources/file-drop/a",
                // A signs and decrypts with one key pair, so that B can encrypt to the certificate A signs with.
                "--borderlink.pki.encryption.keystore=certs-dev/gateway.p12",
                "--borderlink.pki.encryption.alias=gateway"));
        arguments.addAll(more);
        return start(scenario, node, out, in, arguments);
    }

    /**
     * Gateway B: RU-LIAISON's identity (a Russian gateway: what it imports must be released to RUS) and development
     * keys are its own; its partner MN-GATEWAY is gateway A.
     */
    static GatewayProcess b(Scenario scenario, String node, Path out, Path in) {
        return start(
                scenario,
                node,
                out,
                in,
                List.of(
                        "--borderlink.config.partners=resilience/src/test/resources/file-drop/b",
                        "--borderlink.identity.id=RU-LIAISON",
                        "--borderlink.identity.country=RUS",
                        "--borderlink.pki.signing.keystore=certs-dev/ru-liaison.p12",
                        "--borderlink.pki.signing.alias=ru-liaison",
                        "--borderlink.pki.encryption.keystore=certs-dev/ru-liaison.p12",
                        "--borderlink.pki.encryption.alias=ru-liaison"));
    }

    private static GatewayProcess start(Scenario scenario, String node, Path out, Path in, List<String> more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + scenario.databaseUrl,
                "--spring.datasource.username=" + TestPostgres.shared().username(),
                "--spring.datasource.password=" + TestPostgres.shared().password(),
                "--borderlink.cluster.node-id=" + scenario.name + "-" + node,
                "--borderlink.partner.drop.out=" + out.toAbsolutePath(),
                "--borderlink.partner.drop.in=" + in.toAbsolutePath(),
                "--borderlink.file-drop.import-interval=300ms",
                "--borderlink.file-drop.manifest-interval=1s",
                "--borderlink.delivery.sweep-interval=250ms"));
        arguments.addAll(more);
        int clusterPort = LoopbackPorts.free();
        return GatewayProcess.launch(GatewayProcess.JAR, scenario.folder.resolve(node + ".log"))
                .jvm(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"))
                .cluster(scenario.clusterName, clusterPort, List.of(clusterPort))
                .arguments(arguments)
                .start();
    }

    static GatewayProcess healthy(GatewayProcess gateway) {
        return gateway.awaitHealthy(Duration.ofMinutes(3));
    }
}
