package io.borderlink.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A gateway started as an operator would ({@code java -jar gateway/target/borderlink-gateway.jar}, from
 * the repository root) but isolated: its own H2 database in a temporary folder, free loopback ports for
 * HTTPS and Hazelcast, a cluster name of its own, RU-LIAISON pointed at the stub. Its output goes to
 * {@code gateway.log} in the temporary folder.
 */
final class GatewayProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    private final List<String> command;

    private GatewayProcess(Process process, int port, Path log, List<String> command) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.command = command;
    }

    static GatewayProcess start(
            Path jar, Path workDir, String partnerEndpoint, String maxAge, List<String> jvmArgs, List<String> appArgs)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " not found: build it with ./mvnw -B -q -pl "
                    + "benchmarks -am package -DskipTests");
        }
        int port = freePort();
        int clusterPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        command.add(
                "--spring.datasource.url=jdbc:h2:file:" + workDir.resolve("db").toAbsolutePath()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64");
        command.add("--borderlink.config.partners=" + partnersWithoutRateLimits(workDir));
        command.add("--borderlink.cluster.port=" + clusterPort);
        command.add("--borderlink.cluster.cluster-name=loadgen-"
                + UUID.randomUUID().toString().substring(0, 8));
        command.add("--borderlink.partner.ru-liaison.endpoint=" + partnerEndpoint);
        // Documents are pre-generated before the run; the window must cover pre-generation plus the run.
        command.add("--borderlink.intake.max-age=" + maxAge);
        command.addAll(appArgs);
        Path log = workDir.resolve("gateway.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        GatewayProcess gateway = new GatewayProcess(process, port, log, command);
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close));
        return gateway;
    }

    /**
     * A copy of config/partners whose rate limits are out of reach: RU-LIAISON's real policy holds
     * everything past 200 exchanges an hour for an officer, which is right in service and wrong here.
     */
    private static Path partnersWithoutRateLimits(Path workDir) throws IOException {
        Path source = Path.of("config/partners");
        Path target = workDir.resolve("partners");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.writeString(
                            copy, Files.readString(file).replaceAll("per-hour: \\d+", "per-hour: 1000000000"));
                }
            }
        }
        return target;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    List<String> command() {
        return command;
    }

    long pid() {
        return process.pid();
    }

    /** CPU time the gateway process has used so far (user + system), when the platform tells. */
    Optional<Duration> cpuTime() {
        return process.toHandle().info().totalCpuDuration();
    }

    /** Waits until GET /actuator/health answers 200 UP, or fails if the process dies or the time runs out. */
    void awaitHealthy(HttpClient client, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI health = URI.create("https://127.0.0.1:" + port + "/actuator/health");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the gateway exited with " + process.exitValue() + "; see " + log + "\n" + tail(40));
            }
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(5))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the gateway was not healthy after " + timeout + "; see " + log);
    }

    /** The last lines of the gateway's log. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Stops the gateway: SIGTERM (graceful shutdown), then SIGKILL if it is still running after 40 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
