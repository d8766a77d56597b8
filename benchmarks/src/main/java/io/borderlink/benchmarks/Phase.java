package io.borderlink.benchmarks;

import static io.borderlink.benchmarks.LoadGenerator.seconds;

import io.borderlink.benchmarks.LoadGenerator.Memory;
import io.borderlink.testkit.StubServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/** One measured phase and what it produced. */
final class Phase {
    final String name;
    final double rate;
    final int clients;
    final Duration length;
    final List<UUID> accepted = Collections.synchronizedList(new ArrayList<>());
    final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    final Map<String, String> firstErrorBody = new ConcurrentHashMap<>();
    /** Exchanges accepted per node (its index in the cluster). */
    private final Map<Integer, LongAdder> acceptedByNode = new ConcurrentHashMap<>();

    long start;
    long end;
    long lastArrival;
    long[] latencies = new long[0];
    /** The latencies by the second their requests were due in. */
    List<Latencies.Second> bySecond = List.of();

    long gatewayCpuNanos;
    /** Of {@link #gatewayCpuNanos}, what the gateway's JIT compiler threads used; -1 if unknown. */
    long compilerCpuNanos = -1;
    /** The counters the window opened with, read again when it closes and when the phase has drained. */
    PhaseCpu cpu;
    /**
     * The gateway's CPU from the window's start to the drain's end: the whole cost of the phase's exchanges. The
     * window's figure leaves out the deliveries still due when it closed, which under a closed loop that accepts
     * faster than it delivers are a third of them and more. -1 if unknown.
     */
    long gatewayCpuToDrainNanos = -1;

    long ownCpuNanos;
    long machineCpuNanos;
    int deliveredAtEnd;
    int lost;
    volatile boolean exhausted;
    boolean drained;
    final List<Memory> memory = Collections.synchronizedList(new ArrayList<>());
    Database.Counters databaseBefore;
    Database.Counters database;
    GatewayProfile.Samples profile;
    /** On PostgreSQL: each node's figures over the window, and the statements the nodes called most. */
    List<PerNode> nodes = List.of();

    List<Statements.Top> topStatements = List.of();

    Phase(String name, double rate, int clients, Duration length) {
        this.name = name;
        this.rate = rate;
        this.clients = clients;
        this.length = length;
    }

    void error(String kind, String body) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        firstErrorBody.putIfAbsent(kind, body.length() > 300 ? body.substring(0, 300) : body);
    }

    void accepted(UUID exchange, int node) {
        accepted.add(exchange);
        acceptedByNode.computeIfAbsent(node, n -> new LongAdder()).increment();
    }

    long acceptedBy(int node) {
        LongAdder count = acceptedByNode.get(node);
        return count == null ? 0 : count.sum();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    int countDelivered(StubServer stub) {
        List<UUID> ids;
        synchronized (accepted) {
            ids = new ArrayList<>(accepted);
        }
        int delivered = 0;
        for (UUID id : ids) {
            if (stub.arrivals().firstArrival(id) != null) {
                delivered++;
            }
        }
        return delivered;
    }

    int lost() {
        return lost;
    }

    double window() {
        return seconds(end - start);
    }

    double acceptedPerSecond() {
        return accepted.size() / window();
    }

    /** Every exchange accepted in the phase, over the time from the phase start to its last delivery. */
    double deliveredPerSecond() {
        return accepted.size() / seconds(Math.max(lastArrival, end) - start);
    }

    /** What the node sustains end to end: acceptance can only run ahead of delivery for a while. */
    /** The gateway's CPU per accepted exchange, all of its delivery included; -1 if unknown. */
    double cpuMillisPerExchangeToDrain() {
        return gatewayCpuToDrainNanos < 0 || accepted.isEmpty() ? -1 : gatewayCpuToDrainNanos / 1e6 / accepted.size();
    }

    double sustainableRate() {
        return Math.min(acceptedPerSecond(), deliveredPerSecond());
    }

    long percentile(double p) {
        if (latencies.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
        return latencies[Math.max(0, Math.min(latencies.length - 1, index))];
    }

    String summary() {
        return String.format(
                Locale.ROOT,
                "  %s done: %d accepted in %.1f s (%.1f/s), %d errors, all delivered: %s",
                name,
                accepted.size(),
                window(),
                acceptedPerSecond(),
                errorCount(),
                drained);
    }

    String report(double baseline) {
        StringBuilder out = new StringBuilder();
        String mode = rate > 0
                ? String.format(Locale.ROOT, "open loop at %.1f/s target, %d client threads", rate, clients)
                : clients + " clients, closed loop";
        out.append(String.format(Locale.ROOT, "%n-- %s: %s, %.1f s --%n", name, mode, window()));
        long requests = accepted.size() + errorCount();
        out.append(String.format(Locale.ROOT, "requests               %d%n", requests));
        out.append(String.format(Locale.ROOT, "accepted (202)         %d%n", accepted.size()));
        out.append(String.format(Locale.ROOT, "accepted/s             %.1f%n", acceptedPerSecond()));
        out.append(String.format(
                Locale.ROOT,
                "delivered/s end-to-end %.1f   (all %d accepted exchanges at the partner %.2f s after the"
                        + " phase started)%n",
                deliveredPerSecond(),
                accepted.size(),
                seconds(Math.max(lastArrival, end) - start)));
        out.append(String.format(
                Locale.ROOT,
                "delivered in window    %d (%.1f/s); backlog at window end %d%n",
                deliveredAtEnd,
                deliveredAtEnd / window(),
                accepted.size() - deliveredAtEnd));
        out.append(String.format(
                Locale.ROOT,
                "acceptance latency ms  p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%s%n",
                percentile(50) / 1e6,
                percentile(95) / 1e6,
                percentile(99) / 1e6,
                percentile(100) / 1e6,
                rate > 0 ? "  (from the scheduled send time)" : ""));
        List<Latencies.Second> worst = Latencies.worst(bySecond, 3).toList();
        if (!worst.isEmpty()) {
            out.append(String.format(
                    Locale.ROOT,
                    "  over 50 ms           %d in %d of %d seconds; most in %s%n",
                    bySecond.stream().mapToInt(Latencies.Second::slow).sum(),
                    bySecond.stream().filter(s -> s.slow() > 0).count(),
                    bySecond.size(),
                    worst.stream()
                            .map(s -> String.format(
                                    Locale.ROOT,
                                    "t=%d s (%d of %d, max %.0f ms)",
                                    s.second(),
                                    s.slow(),
                                    s.requests(),
                                    s.maxNanos() / 1e6))
                            .collect(Collectors.joining(", "))));
        }
        if (errors.isEmpty()) {
            out.append("errors                 none\n");
        } else {
            errors.forEach((kind, count) -> out.append(String.format(
                    Locale.ROOT,
                    "errors                 %s x %d, first: %s%n",
                    kind,
                    count.sum(),
                    firstErrorBody.get(kind).replaceAll("\\s+", " "))));
        }
        out.append(String.format(
                Locale.ROOT,
                "lost (never delivered) %d%s%n",
                lost,
                drained ? "" : " (not at the partner when the drain timed out)"));
        if (gatewayCpuNanos >= 0) {
            out.append(String.format(
                    Locale.ROOT,
                    "CPU in window          gateway %.1f s (%.2f cores, %.1f ms per accepted exchange),"
                            + " generator+stub %.1f s (%.2f cores)%n",
                    seconds(gatewayCpuNanos),
                    seconds(gatewayCpuNanos) / window(),
                    accepted.isEmpty() ? 0.0 : gatewayCpuNanos / 1e6 / accepted.size(),
                    seconds(ownCpuNanos),
                    seconds(ownCpuNanos) / window()));
            if (gatewayCpuToDrainNanos >= 0 && !accepted.isEmpty()) {
                out.append(String.format(
                        Locale.ROOT,
                        "CPU to last delivery   gateway %.1f s, %.1f ms per accepted exchange (the window's figure"
                                + " without the deliveries still due when it closed)%n",
                        seconds(gatewayCpuToDrainNanos),
                        cpuMillisPerExchangeToDrain()));
            }
            if (compilerCpuNanos >= 0 && gatewayCpuNanos > 0) {
                out.append(String.format(
                        Locale.ROOT,
                        "  of which JIT         %.1f s (%.0f %% of the gateway's: above a few %%, the window is not"
                                + " the steady state)%n",
                        seconds(compilerCpuNanos),
                        100.0 * compilerCpuNanos / gatewayCpuNanos));
            }
        }
        if (machineCpuNanos >= 0 && gatewayCpuNanos >= 0) {
            long others = Math.max(0, machineCpuNanos - gatewayCpuNanos - ownCpuNanos);
            out.append(String.format(
                    Locale.ROOT,
                    "CPU of other processes %.1f s (%.2f cores)%s%n",
                    seconds(others),
                    seconds(others) / window(),
                    seconds(others) / window() > 0.1 ? "  << the machine was not quiet: figures understated" : ""));
        }
        if (baseline > 0) {
            out.append(String.format(
                    Locale.ROOT,
                    "vs crypto-only        %.1f / %.1f = %.0f %% (target >= 70 %%)%n",
                    sustainableRate(),
                    baseline,
                    100 * sustainableRate() / baseline));
        }
        if (exhausted) {
            out.append("NOTE                   documents ran out before the end of the phase\n");
        }
        if (database != null && !accepted.isEmpty()) {
            out.append(String.format(
                    Locale.ROOT,
                    "database per accepted  %.1f commits, %.1f rows inserted, %.1f updated, %.1f deleted,"
                            + " %.1f returned (pg_stat_database, window and drain)%n",
                    (double) database.commits() / accepted.size(),
                    (double) database.inserted() / accepted.size(),
                    (double) database.updated() / accepted.size(),
                    (double) database.deleted() / accepted.size(),
                    (double) database.returned() / accepted.size()));
        }
        if (!nodes.isEmpty()) {
            out.append(PerNode.text(nodes, topStatements, accepted.size(), window()));
        }
        synchronized (memory) {
            if (memory.size() > 1) {
                Memory first = memory.get(Math.min(memory.size() - 1, 12));
                Memory last = memory.get(memory.size() - 1);
                out.append(String.format(
                        Locale.ROOT,
                        "gateway RSS            %.0f MB at %.0f s, %.0f MB at %.0f s%n",
                        first.rssKb() / 1024.0,
                        first.second(),
                        last.rssKb() / 1024.0,
                        last.second()));
            }
        }
        if (profile != null) {
            out.append(profile.heapAfterGc());
            out.append(profile.threadTable());
            out.append(profile.table("by component (first known frame from the top)", profile.byComponent(), 16));
            out.append(profile.table("by step (outermost Borderlink method)", profile.byStep(), 16));
            out.append(profile.table("by package of the top frame", profile.byPackage(), 25));
        }
        return out.toString();
    }
}
