package io.borderlink.benchmarks;

import io.borderlink.benchmarks.ExchangeDocuments.Submission;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.testkit.DevTls;
import io.borderlink.testkit.GatewayProcess;
import io.borderlink.testkit.PartnerFolders;
import io.borderlink.testkit.StubServer;
import io.borderlink.testkit.StubServer.Role;
import io.borderlink.testkit.StubServer.Settings;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * End-to-end load test of one gateway node (benchmarks/README.md, targets), without Spring: it starts the partner
 * stub in this JVM and the gateway as a process of its own, plays the border police over mutual TLS, and
 * reports what was accepted, what reached the partner, how fast and with what acceptance latency. With
 * {@code --ec} it plays the elliptic-curve identities instead: MN-INTEL sends the same incidents to
 * KR-LIAISON, so the gateway decrypts with its EC key (ECDH-ES), verifies ECDSA, and signs and agrees keys
 * with EC for the partner.
 *
 * <ol>
 *   <li>warm-up: closed loop, or open loop at {@code --warmup-rate}, for {@code --warmup} seconds (the JIT
 *       compiles hot paths long after start), each client protecting its document just before sending it;
 *       then waits until the stub has everything;
 *   <li>pre-generates the measured phase's protected border-incident exchanges (fresh ids, signed by
 *       mn-border, encrypted to gateway-enc) while the gateway is idle, so that no agency-side crypto runs
 *       while the gateway is measured;
 *   <li>sustained: closed loop with {@code --clients} concurrent clients, or a fixed {@code --rate}
 *       (open loop: latency counts from the scheduled send time, so a stalled gateway cannot hide behind
 *       waiting clients), for {@code --duration} seconds;
 *   <li>waits, bounded by {@code --drain-timeout}, until the stub has received every accepted exchange.
 * </ol>
 *
 * With {@code --half-of-max}, the sustained closed-loop phase measures the maximum end-to-end rate, then
 * a second phase runs at half of it, where the targets want p99 acceptance latency under 50 ms. With
 * {@code --nodes N} (PostgreSQL) N gateways form one cluster on one database ({@link Cluster}).
 *
 * <p>Everything stays on 127.0.0.1. Run from the repository root; see benchmarks/README.md.
 */
public final class LoadGenerator {

    private final Options options;
    private final StubServer stub;
    private final HttpClient agencyHttp;
    private Cluster cluster;
    private Agency agency;
    private Path outDir;
    private Database database;
    private int phases;

    private LoadGenerator(Options options, StubServer stub, HttpClient agency) {
        this.options = options;
        this.stub = stub;
        this.agencyHttp = agency;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(Options.USAGE);
            return;
        }
        int exit;
        // Headers only: decrypting every delivery would take CPU from the gateway, which shares the machine.
        try (StubServer stub = StubServer.start(
                Role.LIAISON_PARTNER,
                options.keys.partner,
                Settings.defaults().threads(options.stubThreads).headersOnly())) {
            HttpClient agency = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .sslContext(DevTls.as(options.keys.agency))
                    .build();
            exit = new LoadGenerator(options, stub, agency).run();
        }
        System.exit(exit);
    }

    private int run() throws Exception {
        Path workDir = Files.createTempDirectory("borderlink-loadgen-");
        say(
                "machine: %d cores, load average before start %s; work dir %s",
                Runtime.getRuntime().availableProcessors(), Machine.loadAverage(), workDir);
        say(
                "%s keys: %s submits to %s; partner stub (%s) at %s",
                options.keys,
                options.keys.originator,
                options.keys.gatewayEncryption,
                options.keys.partnerId,
                stub.endpoint());

        ExchangeDocuments documents = new ExchangeDocuments(new XmlCrypto(), options.keys);

        outDir = options.out != null ? Files.createDirectories(options.out) : workDir;
        database = options.postgres ? Database.postgres() : Database.h2(workDir.resolve("db"));
        say("database: %s", database.url());

        long started = System.nanoTime();
        List<String> jvm = new ArrayList<>(options.gatewayJvmArgs);
        if (options.jfr) {
            // Deep enough for Tomcat's filter chain and Camel's processors down to the step that called them.
            jvm.add("-XX:FlightRecorderOptions:stackdepth=160");
            // JFR's first recording in a JVM retransforms Throwable and the file and socket classes, and the JIT
            // then recompiles everything that had inlined them: started in the first measured window, that
            // tripled the gateway's CPU per exchange (benchmarks/README.md). A one-second recording at start
            // gets it over with before the warm-up.
            jvm.add("-XX:StartFlightRecording:name=startup,settings=default,duration=1s");
        }
        List<String> arguments = new ArrayList<>(List.of(
                "--borderlink.config.partners=" + partnersWithoutRateLimits(workDir),
                "--borderlink.partner." + options.keys.partner + ".endpoint=" + stub.endpoint(),
                // Documents are pre-generated before the run; the window must cover that and the run.
                "--borderlink.intake.max-age=" + options.maxAge));
        arguments.addAll(options.gatewayArgs);
        cluster = Cluster.start(options.nodes, database, workDir, options.jar, jvm, arguments);
        agency = new Agency(agencyHttp, cluster.intakes());
        try {
            cluster.awaitHealthy(started);

            // The warm-up protects its documents as it goes (the agency-side crypto competes with the gateway,
            // which does not matter there); its rate sizes the pre-generated pool of the measured phase.
            Phase warmup = phase("warm-up", Source.onDemand(documents), options.warmup, options.warmupRate);
            drain(warmup);
            List<Phase> reported = new ArrayList<>();
            if (options.rate > 0 && !options.halfOfMax) {
                Documents pool =
                        pregenerate(documents, options.documents > 0 ? options.documents : budget(options.rate * 1.05));
                Phase sustained = phase("sustained", pool, options.duration, options.rate);
                drain(sustained);
                reported.add(sustained);
            } else {
                // Room for twice a closed warm-up's rate (the gateway warms further); a paced one tells less: ten
                // times its rate, as a closed loop accepts faster than it delivers (RSA on H2 at 40/s: 160-190/s
                // accepted, where three times ran out of documents after 22 s of the 30).
                double room = options.warmupRate > 0 ? 10 * options.warmupRate : 2 * warmup.acceptedPerSecond();
                Documents pool = pregenerate(documents, options.documents > 0 ? options.documents : budget(room + 20));
                Phase max = phase("sustained (maximum)", pool, options.duration, 0);
                drain(max);
                reported.add(max);
                if (options.halfOfMax) {
                    double half = max.sustainableRate() / 2;
                    say("half of the measured maximum (%.1f/s end to end): %.1f/s", max.sustainableRate(), half);
                    Documents more = pregenerate(documents, budget(half * 1.05));
                    Phase atHalf = phase("sustained (half of maximum)", more, options.duration, half);
                    drain(atHalf);
                    reported.add(atHalf);
                }
            }
            int sampledDelivered = agency.checkStatuses(reported.get(0));
            Results results = new Results(options, database.kind(), Machine.loadAverage(), reported, stub.arrivals());
            results.sampledDelivered = sampledDelivered;
            say("");
            say("==================== results ====================");
            System.out.print(results.text());
            results.write(outDir);
            say("report: %s, %s", outDir.resolve("report.txt"), outDir.resolve("result.json"));
            reportLog();
            return results.ok() ? 0 : 1;
        } finally {
            cluster.close();
            database.close();
            if (!options.keep) {
                database.delete();
            }
        }
    }

    /** One phase: closed loop ({@code rate} 0) with the configured clients, or open loop at {@code rate}/s. */
    private Phase phase(String name, Source documents, Duration length, double rate) throws Exception {
        Phase phase = new Phase(name, rate, options.clients, length);
        say(
                "%s: %s for %d s",
                name,
                rate > 0
                        ? String.format(Locale.ROOT, "%.1f/s fixed rate, up to %d clients", rate, options.clients)
                        : options.clients + " clients, closed loop",
                length.toSeconds());
        long periodNanos = rate > 0 ? (long) (1e9 / rate) : 0;
        AtomicLong tickets = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(options.clients);
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
        boolean measured = !name.equals("warm-up");
        GatewayProfile profile = measured && options.jfr
                ? GatewayProfile.start(cluster.first().pid(), outDir.resolve("phase-" + (++phases) + ".jfr"))
                : null;
        phase.databaseBefore = measured ? database.counters() : null;
        Cluster.Window perNode = measured ? cluster.openWindow() : null;
        phase.cpu = PhaseCpu.start(cluster);
        phase.start = System.nanoTime();
        long end = phase.start + length.toNanos();
        progress.scheduleAtFixedRate(
                () -> phase.memory.add(new Memory(
                        seconds(System.nanoTime() - phase.start),
                        Machine.residentKilobytes(cluster.first().pid()))),
                0,
                10,
                TimeUnit.SECONDS);
        progress.scheduleAtFixedRate(
                () -> say(
                        "  %s t=%4.0f s  accepted %6d  delivered %6d  errors %d",
                        name,
                        seconds(System.nanoTime() - phase.start),
                        phase.accepted.size(),
                        phase.countDelivered(stub),
                        phase.errorCount()),
                5,
                5,
                TimeUnit.SECONDS);
        List<Future<Latencies>> latencies = new ArrayList<>();
        for (int c = 0; c < options.clients; c++) {
            latencies.add(clients.submit(() -> {
                Latencies mine = new Latencies(phase.start);
                while (true) {
                    long scheduled;
                    if (periodNanos > 0) {
                        scheduled = phase.start + tickets.getAndIncrement() * periodNanos;
                        if (scheduled >= end) {
                            break;
                        }
                        long wait;
                        while ((wait = scheduled - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                    } else {
                        scheduled = System.nanoTime();
                        if (scheduled >= end) {
                            break;
                        }
                    }
                    Submission submission = documents.take();
                    if (submission == null) {
                        phase.exhausted = true;
                        break;
                    }
                    agency.submit(phase, submission, scheduled, mine);
                }
                return mine;
            }));
        }
        List<Latencies> all = new ArrayList<>();
        for (Future<Latencies> client : latencies) {
            all.add(client.get());
        }
        phase.end = System.nanoTime();
        say("%s: window closed", name);
        clients.shutdown();
        progress.shutdownNow();
        phase.latencies = Latencies.sorted(all);
        phase.bySecond = Latencies.bySecond(all);
        phase.cpu.windowClosed(phase);
        if (perNode != null) {
            perNode.close(phase);
        }
        if (profile != null) {
            phase.profile = profile.stop();
        }
        phase.deliveredAtEnd = phase.countDelivered(stub);
        if (phase.exhausted) {
            say(
                    "  %s: the pre-generated documents ran out after %.1f s (raise --documents)",
                    name, seconds(phase.end - phase.start));
        }
        return phase;
    }

    /** Waits until the stub has every exchange the phase got accepted, or the drain timeout runs out. */
    private void drain(Phase phase) throws InterruptedException {
        long deadline = System.nanoTime() + options.drainTimeout.toNanos();
        while (phase.countDelivered(stub) < phase.accepted.size() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        phase.cpu.drained(phase);
        phase.lost = phase.accepted.size() - phase.countDelivered(stub);
        phase.drained = phase.lost == 0;
        phase.lastArrival = phase.accepted.stream()
                .map(stub.arrivals()::firstArrival)
                .filter(t -> t != null)
                .mapToLong(Long::longValue)
                .max()
                .orElse(phase.end);
        if (phase.databaseBefore != null) {
            // Backends flush their statistics when idle for a while (PostgreSQL 15+: up to 10 s).
            Thread.sleep(11_000);
            Database.Counters after = database.counters();
            phase.database = after == null ? null : after.minus(phase.databaseBefore);
        }
        say(phase.summary());
        if (!phase.drained) {
            say(
                    "  %s: %d accepted exchanges had not reached the partner after %d s",
                    phase.name, phase.accepted.size() - phase.countDelivered(stub), options.drainTimeout.toSeconds());
        }
    }

    /** Warnings and errors the gateway logged: where a bottleneck or a failure shows first. */
    private void reportLog() {
        for (GatewayProcess node : cluster.nodes()) {
            reportLog(node.log());
        }
    }

    private void reportLog(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            Map<String, Integer> counts = new TreeMap<>();
            lines.filter(l -> l.contains(" WARN ") || l.contains(" ERROR "))
                    .map(l -> l.replaceAll("^\\S+\\s+", "").replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>"))
                    .map(l -> l.length() > 200 ? l.substring(0, 200) : l)
                    .forEach(l -> counts.merge(l, 1, Integer::sum));
            say(
                    "%s: %d distinct WARN/ERROR lines",
                    cluster.size() > 1 ? log.getFileName() : "gateway log", counts.size());
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(10)
                    .forEach(e -> say("  %5d x %s", e.getValue(), e.getKey()));
        } catch (IOException | java.io.UncheckedIOException e) {
            say("cannot read the gateway log: %s", e.getMessage());
        }
    }

    /**
     * A copy of config/partners whose rate limits are out of reach: RU-LIAISON's real policy holds
     * everything past 200 exchanges an hour for an officer, which is right in service and wrong here.
     */
    private static Path partnersWithoutRateLimits(Path workDir) {
        return PartnerFolders.copyOfTheRealPartners(
                workDir.resolve("partners"), yaml -> yaml.replaceAll("per-hour: \\d+", "per-hour: 1000000000"));
    }

    /** Documents for the measured phase at {@code perSecond}, with a margin. */
    private int budget(double perSecond) {
        return (int) Math.ceil(perSecond * options.duration.toMillis() / 1000.0) + 100;
    }

    /** Protects the documents of a phase before it starts, while the gateway is idle. */
    private Documents pregenerate(ExchangeDocuments documents, int count) throws Exception {
        Documents pool = Documents.generate(documents, count, options.generatorThreads);
        say(
                "pre-generated %d protected exchanges in %.1f s (%.0f/s on %d threads, %d bytes each)",
                pool.size(),
                pool.seconds(),
                pool.size() / pool.seconds(),
                options.generatorThreads,
                pool.submissions[0].document().length);
        return pool;
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static void say(String format, Object... args) {
        String line = args.length == 0 ? format : String.format(Locale.ROOT, format, args);
        System.out.println(line.isEmpty() ? line : CLOCK.format(LocalTime.now()) + " " + line);
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    /** The gateway's resident set at a time into a phase. */
    record Memory(double second, long rssKb) {}
}
