package io.borderlink.benchmarks;

import static io.borderlink.benchmarks.LoadGenerator.say;

import io.borderlink.testkit.GatewayProcess;
import io.borderlink.testkit.LoopbackPorts;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The gateway under load: one process, as the generator has always started it, or ({@code --nodes N}, on
 * PostgreSQL) N processes on one database that form one Hazelcast cluster, as docs/production.md sets up three:
 * TCP join on 127.0.0.1 with every member listed, a majority as {@code minimum-members}, a node id each. Each
 * node logs in with a role of its own (a member of the database's owner, which runs the migrations), so that
 * {@code pg_stat_statements} tells apart what each node asked of the database.
 */
final class Cluster implements AutoCloseable {

    private final List<GatewayProcess> nodes;
    private final List<String> names;
    /** Per node role; null for one node, which runs exactly as before. */
    private final Statements statements;

    private Cluster(List<GatewayProcess> nodes, List<String> names, Statements statements) {
        this.nodes = nodes;
        this.names = names;
        this.statements = statements;
    }

    /**
     * Starts {@code count} gateways from {@code jar}, each with {@code jvm} options and, after its database and
     * cluster settings, {@code arguments}; they are not yet healthy when this returns.
     */
    static Cluster start(
            int count, Database database, Path workDir, Path jar, List<String> jvm, List<String> arguments) {
        if (count == 1) {
            // On PostgreSQL one node logs in as a role of its own too, so that its statements are counted.
            Statements statements = database.countsStatements() ? database.nodeRoles(1) : null;
            GatewayProcess gateway = GatewayProcess.launch(jar, workDir.resolve("gateway.log"))
                    .jvm(jvm)
                    .arguments(
                            statements != null
                                    ? database.gatewayArguments(
                                            statements.roles().get(0))
                                    : database.gatewayArguments())
                    .arguments(arguments)
                    .start();
            return new Cluster(List.of(gateway), List.of("gateway"), statements);
        }
        Statements statements = database.nodeRoles(count);
        List<Integer> ports = freePorts(count);
        String clusterName = "loadgen-" + UUID.randomUUID();
        List<GatewayProcess> nodes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        // All at once, as ClusterFailoverIT does: Flyway's lock lets the first one migrate, the others wait.
        for (int n = 0; n < count; n++) {
            String name = "node-" + (n + 1);
            names.add(name);
            nodes.add(GatewayProcess.launch(jar, workDir.resolve(name + ".log"))
                    .jvm(jvm)
                    .cluster(clusterName, ports.get(n), ports)
                    .arguments(database.gatewayArguments(statements.roles().get(n)))
                    .arguments(List.of(
                            "--borderlink.cluster.node-id=" + name,
                            "--borderlink.cluster.minimum-members=" + (count / 2 + 1)))
                    .arguments(arguments)
                    .start());
        }
        return new Cluster(List.copyOf(nodes), List.copyOf(names), statements);
    }

    /**
     * Waits until every node is healthy and, with several, sees all of them as members of its cluster: three
     * minutes per node, as JVMs starting at once on a small machine take longer than one.
     */
    void awaitHealthy(long startedNanos) throws IOException, InterruptedException {
        Duration timeout = Duration.ofMinutes(3L * size());
        for (int n = 0; n < size(); n++) {
            say(
                    "%s pid %d: %s",
                    names.get(n),
                    nodes.get(n).pid(),
                    String.join(" ", nodes.get(n).command()));
        }
        for (GatewayProcess node : nodes) {
            node.awaitHealthy(timeout);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (GatewayProcess node : size() > 1 ? nodes : List.<GatewayProcess>of()) {
            while (node.metric("borderlink_cluster_members") < size()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "node on port " + node.port() + " does not see " + size() + " members; see " + node.log());
                }
                Thread.sleep(500);
            }
        }
        say(
                "gateway healthy after %.1f s on port %s",
                LoadGenerator.seconds(System.nanoTime() - startedNanos),
                nodes.stream().map(node -> Integer.toString(node.port())).collect(Collectors.joining(", ")));
    }

    int size() {
        return nodes.size();
    }

    /** The node that is profiled and whose memory is sampled: the only one, or the first. */
    GatewayProcess first() {
        return nodes.get(0);
    }

    List<GatewayProcess> nodes() {
        return nodes;
    }

    /** Each node's REST intake, in node order: clients take turns over them. */
    List<URI> intakes() {
        return nodes.stream().map(node -> node.uri("/api/v1/exchanges")).toList();
    }

    /** CPU time all nodes have used so far, -1 where the platform does not tell. */
    long cpuNanos() {
        return sum(Cluster::cpuNanos);
    }

    /** CPU time the nodes' JIT compiler threads have used so far, -1 where the platform does not tell. */
    long compilerCpuNanos() {
        return sum(node -> Machine.compilerCpuNanos(node.pid()));
    }

    private long sum(ToLongFunction<GatewayProcess> cpu) {
        long sum = 0;
        for (GatewayProcess node : nodes) {
            long nanos = cpu.applyAsLong(node);
            if (nanos < 0) {
                return -1;
            }
            sum += nanos;
        }
        return sum;
    }

    /** Starts a measured window on PostgreSQL: each node's CPU so far, and statements counted from zero. */
    Window openWindow() {
        if (statements == null) {
            return null;
        }
        statements.reset();
        return new Window(nodes.stream().mapToLong(Cluster::cpuNanos).toArray());
    }

    /** A measured window under way; {@link #close} gives the phase its figures per node. */
    final class Window {
        private final long[] cpuBefore;

        private Window(long[] cpuBefore) {
            this.cpuBefore = cpuBefore;
        }

        void close(Phase phase) {
            Map<String, Statements.Counts> counts = statements.byRole();
            List<PerNode> figures = new ArrayList<>();
            for (int n = 0; n < size(); n++) {
                figures.add(new PerNode(
                        names.get(n),
                        phase.acceptedBy(n),
                        cpuNanos(nodes.get(n)) - cpuBefore[n],
                        counts.getOrDefault(statements.roles().get(n).name(), new Statements.Counts(0, 0))));
            }
            phase.nodes = figures;
            phase.topStatements = statements.top(10);
        }
    }

    /** Stops every node at once (SIGTERM, then SIGKILL after 40 s), so that N nodes take no longer than one. */
    @Override
    public void close() {
        List<Thread> stopping = new ArrayList<>();
        for (GatewayProcess node : nodes) {
            Thread thread = new Thread(node::close, "stop-" + node.pid());
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                nodes.forEach(GatewayProcess::kill);
                return;
            }
        }
        say("gateway stopped; its log%s: %s", size() > 1 ? "s" : "", String.join(" ", logs()));
    }

    private List<String> logs() {
        return nodes.stream().map(node -> node.log().toString()).toList();
    }

    private static long cpuNanos(GatewayProcess node) {
        return node.cpuTime().map(Duration::toNanos).orElse(-1L);
    }

    /** Free loopback ports for the members' Hazelcast (never one twice: see {@link LoopbackPorts}). */
    private static List<Integer> freePorts(int count) {
        return IntStream.range(0, count).mapToObj(i -> LoopbackPorts.free()).toList();
    }
}
