package io.borderlink.testkit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * A gateway started as an operator starts it ({@code java -jar gateway/target/borderlink-gateway.jar
 * --spring.profiles.active=dev}, from the repository root, the jar unpacked as production runs it), but isolated on loopback: free ports for HTTPS and
 * Hazelcast, a Hazelcast cluster of its own unless told to join one, its output in a log file. The development
 * profile unless told otherwise ({@link Launch#profile}).
 */
public final class GatewayProcess implements AutoCloseable {

    /** The gateway's jar; {@code -Dborderlink.gateway.jar=PATH} points elsewhere. */
    public static final Path JAR =
            Path.of(System.getProperty("borderlink.gateway.jar", "gateway/target/borderlink-gateway.jar"));

    private static final String LOOPBACK = "127.0.0.1";

    private final HttpClient anonymous;
    /** Where health and metrics are served: the HTTPS port, or a management port of their own. */
    private final URI operations;

    private final Process process;
    private final int port;
    private final Path log;
    private final List<String> command;

    private GatewayProcess(
            Process process, int port, URI operations, Path log, List<String> command, HttpClient anonymous) {
        this.operations = operations;
        this.anonymous = anonymous;
        this.process = process;
        this.port = port;
        this.log = log;
        this.command = command;
    }

    /** A gateway from {@code jar} that writes its output to {@code log}, to be started with {@link Launch#start}. */
    public static Launch launch(Path jar, Path log) {
        return new Launch(jar, log);
    }

    /** What the gateway is started with, beyond the defaults above. */
    public static final class Launch {

        private final Path jar;
        private final Path log;
        private final List<String> jvm = new ArrayList<>();
        private final List<String> arguments = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private String profile = "dev";
        private int managementPort;
        private SSLContext tls;
        private String clusterName = "gateway-" + UUID.randomUUID();
        private String clusterHost = LOOPBACK;
        private int clusterPort;
        private List<Integer> members = List.of();

        private Launch(Path jar, Path log) {
            this.jar = jar;
            this.log = log;
        }

        /** JVM options, e.g. {@code -Xmx512m} or a flight recording. */
        public Launch jvm(List<String> options) {
            jvm.addAll(options);
            return this;
        }

        /** Application arguments, {@code --name=value}; each property once (Spring joins repeated ones). */
        public Launch arguments(List<String> more) {
            arguments.addAll(more);
            return this;
        }

        /**
         * How health checks and metrics reach the gateway: presenting no certificate, trusting the root its TLS
         * certificate chains to; the development national root unless told otherwise.
         */
        public Launch trusting(SSLContext anonymous) {
            this.tls = anonymous;
            return this;
        }

        /** Environment variables, as an operator sets secrets ({@code BORDERLINK_PKI_SIGNING_PASSWORD}, …). */
        public Launch environment(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        /**
         * Health and metrics on a port of their own, in plain HTTP on loopback, as production serves them
         * (the public port asks every client for a certificate there); on the HTTPS port unless told so.
         */
        public Launch managementPort(int port) {
            this.managementPort = port;
            return this;
        }

        /** The Spring profile(s) to run with, e.g. {@code prod}; {@code dev} unless told otherwise. */
        public Launch profile(String profile) {
            this.profile = profile;
            return this;
        }

        /** Joins the Hazelcast cluster {@code name} on {@code port}, its members found at {@code members}. */
        public Launch cluster(String name, int port, List<Integer> members) {
            return cluster(name, LOOPBACK, port, members);
        }

        /**
         * The same, the member bound to {@code host} and its members found there: under prod, which refuses a
         * cluster on loopback, this host's own address (see {@link #hostAddress}).
         */
        public Launch cluster(String name, String host, int port, List<Integer> members) {
            this.clusterName = name;
            this.clusterHost = host;
            this.clusterPort = port;
            this.members = List.copyOf(members);
            return this;
        }

        public GatewayProcess start() {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(
                        jar.toAbsolutePath() + " not found: build it with ./mvnw -B -pl gateway -am package");
            }
            if (tls == null) {
                tls = DevTls.anonymous();
            }
            int port = LoopbackPorts.free();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvm);
            command.addAll(List.of("-jar", UnpackedJar.of(jar).toString()));
            command.add("--spring.profiles.active=" + profile);
            command.add("--server.port=" + port);
            command.add("--server.address=" + LOOPBACK);
            if (managementPort != 0) {
                command.add("--management.server.port=" + managementPort);
                command.add("--management.server.address=" + LOOPBACK);
            }
            command.add("--borderlink.cluster.cluster-name=" + clusterName);
            command.add("--borderlink.cluster.bind-address=" + clusterHost);
            command.add("--borderlink.cluster.port=" + (clusterPort == 0 ? LoopbackPorts.free() : clusterPort));
            if (!members.isEmpty()) {
                command.add("--borderlink.cluster.members="
                        + members.stream().map(p -> clusterHost + ":" + p).collect(Collectors.joining(",")));
            }
            command.addAll(arguments);
            try {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
                builder.environment().putAll(environment);
                Process process = builder.start();
                // A gateway must not outlive whoever started it, whatever ends that.
                Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
                URI operations = managementPort == 0
                        ? URI.create("https://" + LOOPBACK + ":" + port)
                        : URI.create("http://" + LOOPBACK + ":" + managementPort);
                return new GatewayProcess(process, port, operations, log, command, DevTls.client(tls));
            } catch (IOException e) {
                throw new UncheckedIOException("could not start " + command, e);
            }
        }
    }

    /** Waits until {@code /actuator/health} answers 200, or fails when the process ends or time runs out. */
    public GatewayProcess awaitHealthy(Duration timeout) {
        await("gateway on port " + port + " healthy")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(500))
                .until(this::healthy);
        return this;
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("https://127.0.0.1:" + port + path);
    }

    public Path log() {
        return log;
    }

    public List<String> command() {
        return command;
    }

    public long pid() {
        return process.pid();
    }

    /** CPU time the gateway process has used so far (user + system), when the platform tells. */
    public Optional<Duration> cpuTime() {
        return process.toHandle().info().totalCpuDuration();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself (a refused start), and answers its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the gateway still runs after " + timeout + "; see " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * An address of this host that is not loopback, for a cluster member under prod (which refuses to bind
     * one to loopback): traffic to it never leaves the host. Empty when the host has none.
     */
    public static Optional<String> hostAddress() {
        try {
            return NetworkInterface.networkInterfaces()
                    .filter(network -> {
                        try {
                            return network.isUp() && !network.isLoopback();
                        } catch (SocketException e) {
                            return false;
                        }
                    })
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                    .map(InetAddress::getHostAddress)
                    .findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    /**
     * SIGSTOP: the process freezes where it is, as a node cut off by the network or stalled, and its cluster
     * stops hearing from it; {@link #resume} lets it go on.
     */
    public void suspend() {
        signal("STOP");
    }

    /** SIGCONT after {@link #suspend}. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .start();
            if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no drain, nothing flushed. */
    public void kill() {
        process.destroyForcibly();
        process.onExit().join();
    }

    /** SIGTERM: the graceful shutdown, which drains the outbox; waits for the process to end. */
    public void stop() {
        process.destroy();
        process.onExit().join();
    }

    /**
     * The sum of a metric over the series whose labels contain every one given ({@code to="OPEN"}); a metric
     * without labels is its one value.
     */
    public double metric(String name, String... labels) throws IOException, InterruptedException {
        String text = anonymous
                .send(
                        HttpRequest.newBuilder(operations.resolve("/actuator/prometheus"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        double sum = 0;
        Matcher line =
                Pattern.compile("(?m)^" + name + "(?:\\{([^}]*)})? (\\S+)$").matcher(text);
        while (line.find()) {
            String series = line.group(1) == null ? "" : line.group(1);
            if (List.of(labels).stream().allMatch(series::contains)) {
                sum += Double.parseDouble(line.group(2));
            }
        }
        return sum;
    }

    /** The last lines of the gateway's log. */
    public String tail(int lines) {
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
        process.destroy();
        try {
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private boolean healthy() {
        if (!process.isAlive()) {
            throw new IllegalStateException(
                    "the gateway exited with " + process.exitValue() + "; see " + log + "\n" + tail(40));
        }
        try {
            return anonymous
                            .send(
                                    HttpRequest.newBuilder(operations.resolve("/actuator/health"))
                                            .timeout(Duration.ofSeconds(5))
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
