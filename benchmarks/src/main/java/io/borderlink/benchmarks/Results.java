package io.borderlink.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borderlink.testkit.Arrivals;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a load run found, as the text report it prints and as {@code result.json} beside {@code report.txt},
 * so that {@code benchmarks/ratio.sh} and later comparisons read figures instead of scraping text.
 */
final class Results {

    private final Options options;
    private final String database;
    private final String loadAverage;
    private final List<Phase> phases;
    private final Arrivals arrivals;
    int sampledDelivered;

    Results(Options options, String database, String loadAverage, List<Phase> phases, Arrivals arrivals) {
        this.options = options;
        this.database = database;
        this.loadAverage = loadAverage;
        this.phases = phases;
        this.arrivals = arrivals;
    }

    boolean ok() {
        return phases.stream().allMatch(p -> p.lost() == 0 && p.drained);
    }

    String text() {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%s keys, %s database%s; load average at the end %s (the gateway, this generator and the stub share"
                        + " the same %d cores)%n",
                options.keys,
                database,
                options.nodes > 1 ? ", " + options.nodes + " gateway nodes" : "",
                loadAverage,
                Runtime.getRuntime().availableProcessors()));
        phases.forEach(p -> out.append(p.report(options.baseline)));
        out.append(String.format(
                Locale.ROOT,
                "%npartner stub totals: %d requests, %d exchanges, %d duplicate copies of %d messages, "
                        + "%d exchanges under several message ids, %d unreadable%n",
                arrivals.requests(),
                arrivals.exchanges(),
                arrivals.duplicateCopies(),
                arrivals.duplicatedDeliveries(),
                arrivals.exchangesWithSeveralDeliveries(),
                arrivals.unreadable()));
        return out.toString();
    }

    void write(Path directory) throws IOException {
        Files.writeString(directory.resolve("report.txt"), text(), StandardCharsets.UTF_8);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(directory.resolve("result.json").toFile(), json());
    }

    private ObjectNode json() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode()
                .put("keys", options.keys.name())
                .put("database", database)
                .put("cores", Runtime.getRuntime().availableProcessors())
                .put("loadAverageAtEnd", loadAverage)
                .put("clients", options.clients)
                .put("gatewayNodes", options.nodes)
                .put("baseline", options.baseline)
                .put("ok", ok())
                .put("sampledStatusDelivered", sampledDelivered);
        root.putObject("stub")
                .put("requests", arrivals.requests())
                .put("exchanges", arrivals.exchanges())
                .put("duplicateCopies", arrivals.duplicateCopies())
                .put("unreadable", arrivals.unreadable());
        ArrayNode list = root.putArray("phases");
        for (Phase p : phases) {
            ObjectNode phase = list.addObject()
                    .put("name", p.name)
                    .put("targetRate", p.rate)
                    .put("windowSeconds", p.window())
                    .put("accepted", p.accepted.size())
                    .put("errors", p.errorCount())
                    .put("acceptedPerSecond", p.acceptedPerSecond())
                    .put("deliveredPerSecond", p.deliveredPerSecond())
                    .put("sustainablePerSecond", p.sustainableRate())
                    .put("backlogAtWindowEnd", p.accepted.size() - p.deliveredAtEnd)
                    .put("lost", p.lost())
                    .put("p50Millis", p.percentile(50) / 1e6)
                    .put("p95Millis", p.percentile(95) / 1e6)
                    .put("p99Millis", p.percentile(99) / 1e6)
                    .put("maxMillis", p.percentile(100) / 1e6)
                    .put("gatewayCpuSeconds", p.gatewayCpuNanos / 1e9)
                    .put(
                            "gatewayCpuMillisPerExchange",
                            p.accepted.isEmpty() ? 0 : p.gatewayCpuNanos / 1e6 / p.accepted.size())
                    .put("gatewayCpuMillisPerExchangeToDrain", p.cpuMillisPerExchangeToDrain())
                    .put("documentsRanOut", p.exhausted)
                    .put("jitCompilerCpuSeconds", p.compilerCpuNanos < 0 ? -1 : p.compilerCpuNanos / 1e9)
                    .put("generatorCpuSeconds", p.ownCpuNanos / 1e9)
                    .put(
                            "otherProcessesCpuSeconds",
                            p.machineCpuNanos < 0
                                    ? -1
                                    : Math.max(0, p.machineCpuNanos - p.gatewayCpuNanos - p.ownCpuNanos) / 1e9);
            if (options.baseline > 0) {
                phase.put("ratioToCrypto", p.sustainableRate() / options.baseline);
            }
            if (p.database != null) {
                phase.putPOJO("database", p.database);
            }
            if (!p.nodes.isEmpty()) {
                PerNode.json(phase.putArray("nodes"), p.nodes, p.accepted.size());
                PerNode.json(phase.putArray("topStatements"), p.topStatements);
            }
            ArrayNode seconds = phase.putArray("latencyBySecond");
            p.bySecond.forEach(s -> seconds.addObject()
                    .put("second", s.second())
                    .put("requests", s.requests())
                    .put("maxMillis", s.maxNanos() / 1e6)
                    .put("over50Millis", s.slow()));
            ArrayNode memory = phase.putArray("rss");
            synchronized (p.memory) {
                p.memory.forEach(
                        m -> memory.addObject().put("second", m.second()).put("kilobytes", m.rssKb()));
            }
            if (p.profile != null) {
                ObjectNode profile = phase.putObject("profile")
                        .put("file", p.profile.file().toString())
                        .put("samples", p.profile.total());
                counts(profile.putObject("byComponent"), p.profile.byComponent());
                counts(profile.putObject("byPackage"), p.profile.byPackage());
                counts(profile.putObject("byStep"), p.profile.byStep());
                ObjectNode threads = profile.putObject("cpuShareByThreadGroup");
                p.profile.cpuByThreads().forEach(threads::put);
                ArrayNode floors = profile.putArray("heapAfterGcFloorPerMinuteBytes");
                p.profile.heapFloorPerMinute().forEach(floors::add);
            }
        }
        return root;
    }

    private static void counts(ObjectNode node, Map<String, Long> counts) {
        counts.forEach(node::put);
    }
}
