package io.borderlink.resilience;

import static org.awaitility.Awaitility.await;

import io.borderlink.gateway.support.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A gateway process started from the jar, on loopback, in one scenario's database and Hazelcast cluster. */
final class GatewayNode {

    private static final HttpClient ANONYMOUS = Tls.client(null);

    final String name;
    final int port;
    private final Process process;

    private GatewayNode(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts a node and waits until it is healthy.
     *
     * @param clusterPort this node's Hazelcast port
     * @param clusterPorts every member's Hazelcast port, this one's included (TCP/IP join on 127.0.0.1)
     */
    static GatewayNode start(
            Scenario scenario, String name, PartnerStubProcess partner, int clusterPort, List<Integer> clusterPorts) {
        int port = Scenario.freePort();
        Process process = scenario.java(
                name + ".log",
                List.of(
                        "--server.port=" + port,
                        "--spring.datasource.url=" + scenario.databaseUrl,
                        "--spring.datasource.username=" + TestPostgres.shared().username(),
                        "--spring.datasource.password=" + TestPostgres.shared().password(),
                        "--borderlink.cluster.node-id=" + scenario.name + "-" + name,
                        "--borderlink.cluster.cluster-name=" + scenario.clusterName,
                        "--borderlink.cluster.port=" + clusterPort,
                        "--borderlink.cluster.members="
                                + clusterPorts.stream()
                                        .map(p -> "127.0.0.1:" + p)
                                        .collect(Collectors.joining(",")),
                        "--borderlink.config.partners=resilience/src/test/resources/config/partners",
                        "--borderlink.partner.ru-liaison.endpoint=" + partner.endpoint(),
                        // Short, so that a killed node's shares are taken over within the test's patience.
                        "--borderlink.delivery.lease=5s",
                        "--borderlink.delivery.sweep-interval=250ms"));
        GatewayNode node = new GatewayNode(name, port, process);
        await("gateway " + name + " healthy")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(node::healthy);
        return node;
    }

    static GatewayNode start(Scenario scenario, String name, PartnerStubProcess partner) {
        int clusterPort = Scenario.freePort();
        return start(scenario, name, partner, clusterPort, List.of(clusterPort));
    }

    /** SIGKILL: no shutdown hook, no drain, nothing flushed. */
    void kill() {
        process.destroyForcibly();
        process.onExit().join();
    }

    /** SIGTERM: the graceful shutdown, which drains the outbox; waits for the process to end. */
    void stop() {
        process.destroy();
        process.onExit().join();
    }

    boolean alive() {
        return process.isAlive();
    }

    URI uri(String path) {
        return URI.create("https://127.0.0.1:" + port + path);
    }

    /** The sum of a counter over the series whose labels contain every one given ({@code to="OPEN"}). */
    double metric(String name, String... labels) throws IOException, InterruptedException {
        String text = ANONYMOUS
                .send(HttpRequest.newBuilder(uri("/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        double sum = 0;
        Matcher line = Pattern.compile("(?m)^" + name + "\\{([^}]*)} (\\S+)$").matcher(text);
        while (line.find()) {
            String series = line.group(1);
            if (List.of(labels).stream().allMatch(series::contains)) {
                sum += Double.parseDouble(line.group(2));
            }
        }
        return sum;
    }

    private boolean healthy() {
        if (!process.isAlive()) {
            throw new IllegalStateException("gateway " + name + " exited with " + process.exitValue()
                    + "; see target/resilience/*/" + name + ".log");
        }
        try {
            return ANONYMOUS
                            .send(
                                    HttpRequest.newBuilder(uri("/actuator/health"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
