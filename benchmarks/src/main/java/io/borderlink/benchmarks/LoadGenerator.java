package io.borderlink.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import io.borderlink.benchmarks.ExchangeDocuments.Submission;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.testkit.DevTls;
import io.borderlink.testkit.GatewayProcess;
import io.borderlink.testkit.PartnerFolders;
import io.borderlink.testkit.StubServer;
import io.borderlink.testkit.StubServer.Role;
import io.borderlink.testkit.StubServer.Settings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
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
 *   <li>warm-up: closed loop for {@code --warmup} seconds (60 by default: the gateway's JIT is still
 *       compiling hot paths long after start), each client protecting its document just before sending it;
 *       then waits until the stub has everything;
 *   <li>pre-generates the measured phase's protected border-incident exchanges (fresh ids, signed by
 *       mn-border, encrypted to gateway-enc) while the gateway is idle, so that no agency-side crypto runs
 *       while the gateway is measured;
 *   <li>sustained: closed loop with {@code --clients} concurrent clients, or a fixed {@code --rate}
 *       (open loop: latency counts from the scheduled send time, so a stalled gateway cannot hide behind
 *       waiting clients), for {@code --duration} seconds;
 *   <li>waits, bounded by {@code --drain-timeout}, until the stub has received every accepted exchange.
 * </ol>
 * </ol>
 *
 * With {@code --half-of-max}, the sustained closed-loop phase measures the maximum end-to-end rate, then
 * a second phase runs at half of it, where the targets want p99 acceptance latency under 50 ms.
 *
 * <p>Everything stays on 127.0.0.1. Run from the repository root; see benchmarks/README.md.
 */
public final class LoadGenerator {

    private final Options options;
    private final StubServer stub;
    private final HttpClient agency;
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private GatewayProcess gateway;
    private URI exchanges;
    private Path outDir;
    private Database database;
    private int phases;

    private LoadGenerator(Options options, StubServer stub, HttpClient agency) {
        this.options = options;
        this.stub = stub;
        this.agency = agency;
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
                Runtime.getRuntime().availableProcessors(), loadAverage(), workDir);
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
        }
        gateway = GatewayProcess.launch(options.jar, workDir.resolve("gateway.log"))
                .jvm(jvm)
                .arguments(database.gatewayArguments())
                .arguments(List.of(
                        "--borderlink.config.partners=" + partnersWithoutRateLimits(workDir),
                        "--borderlink.partner." + options.keys.partner + ".endpoint=" + stub.endpoint(),
                        // Documents are pre-generated before the run; the window must cover that and the run.
                        "--borderlink.intake.max-age=" + options.maxAge))
                .arguments(options.gatewayArgs)
                .start();
        exchanges = URI.create("https://127.0.0.1:" + gateway.port() + "/api/v1/exchanges");
        try {
            say("gateway pid %d: %s", gateway.pid(), String.join(" ", gateway.command()));
            gateway.awaitHealthy(Duration.ofMinutes(3));
            say("gateway healthy after %.1f s on port %d", seconds(System.nanoTime() - started), gateway.port());

            // The warm-up protects its documents as it goes (the agency-side crypto competes with the gateway,
            // which does not matter there); its rate sizes the pre-generated pool of the measured phase.
            Phase warmup = phase("warm-up", Source.onDemand(documents), options.warmup, 0);
            drain(warmup);
            List<Phase> reported = new ArrayList<>();
            if (options.rate > 0 && !options.halfOfMax) {
                Documents pool =
                        pregenerate(documents, options.documents > 0 ? options.documents : budget(options.rate * 1.05));
                Phase sustained = phase("sustained", pool, options.duration, options.rate);
                drain(sustained);
                reported.add(sustained);
            } else {
                // A closed loop speeds up as the gateway warms further: room for twice the warm-up rate.
                Documents pool = pregenerate(
                        documents,
                        options.documents > 0 ? options.documents : budget(2 * warmup.acceptedPerSecond() + 20));
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
            int sampledDelivered = checkStatuses(reported.get(0));
            Results results = new Results(options, database.kind(), loadAverage(), reported, stub.arrivals());
            results.sampledDelivered = sampledDelivered;
            say("");
            say("==================== results ====================");
            System.out.print(results.text());
            results.write(outDir);
            say("report: %s, %s", outDir.resolve("report.txt"), outDir.resolve("result.json"));
            reportLog();
            return results.ok() ? 0 : 1;
        } finally {
            gateway.close();
            database.close();
            say("gateway stopped; its log: %s", gateway.log());
            if (!options.keep) {
                deleteDatabase(workDir);
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
                ? GatewayProfile.start(gateway.pid(), outDir.resolve("phase-" + (++phases) + ".jfr"))
                : null;
        phase.databaseBefore = measured ? database.counters() : null;
        long gatewayCpuBefore = gateway.cpuTime().map(Duration::toNanos).orElse(-1L);
        long ownCpuBefore = os.getProcessCpuTime();
        long machineCpuBefore = machineBusyNanos();
        phase.start = System.nanoTime();
        long end = phase.start + length.toNanos();
        progress.scheduleAtFixedRate(
                () -> phase.memory.add(
                        new Memory(seconds(System.nanoTime() - phase.start), residentKilobytes(gateway.pid()))),
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
        List<Future<long[]>> latencies = new ArrayList<>();
        for (int c = 0; c < options.clients; c++) {
            latencies.add(clients.submit(() -> {
                LongList mine = new LongList();
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
                    submit(phase, submission, scheduled, mine);
                }
                return mine.toArray();
            }));
        }
        long[][] all = new long[options.clients][];
        for (int c = 0; c < options.clients; c++) {
            all[c] = latencies.get(c).get();
        }
        phase.end = System.nanoTime();
        say("%s: window closed", name);
        clients.shutdown();
        progress.shutdownNow();
        phase.latencies = Stream.of(all).flatMapToLong(Arrays::stream).sorted().toArray();
        phase.gatewayCpuNanos = gateway.cpuTime().map(Duration::toNanos).orElse(-1L) - gatewayCpuBefore;
        phase.ownCpuNanos = os.getProcessCpuTime() - ownCpuBefore;
        phase.machineCpuNanos = machineCpuBefore < 0 ? -1 : machineBusyNanos() - machineCpuBefore;
        if (gatewayCpuBefore < 0) {
            phase.gatewayCpuNanos = -1;
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

    private void submit(Phase phase, Submission submission, long scheduled, LongList latencies) {
        HttpRequest request = HttpRequest.newBuilder(exchanges)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(submission.document()))
                .build();
        try {
            HttpResponse<String> response = agency.send(request, HttpResponse.BodyHandlers.ofString());
            long done = System.nanoTime();
            if (response.statusCode() == 202) {
                latencies.add(done - scheduled);
                phase.accepted.add(submission.exchangeId());
            } else {
                phase.error("HTTP " + response.statusCode(), response.body());
            }
        } catch (IOException e) {
            phase.error(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            phase.error("interrupted", "");
        }
    }

    /** Waits until the stub has every exchange the phase got accepted, or the drain timeout runs out. */
    private void drain(Phase phase) throws InterruptedException {
        long deadline = System.nanoTime() + options.drainTimeout.toNanos();
        while (phase.countDelivered(stub) < phase.accepted.size() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
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

    /** Cross-checks a sample with the status API: every share should say DELIVERED. */
    private int checkStatuses(Phase phase) throws InterruptedException {
        List<UUID> sample = new ArrayList<>(phase.accepted);
        Collections.shuffle(sample);
        sample = sample.subList(0, Math.min(20, sample.size()));
        int delivered = 0;
        for (UUID id : sample) {
            for (int attempt = 0; attempt < 20; attempt++) {
                String body = get(exchanges.resolve("/api/v1/exchanges/" + id));
                if (body.matches("(?s).*\"state\"\\s*:\\s*\"DELIVERED\".*")) {
                    delivered++;
                    break;
                }
                Thread.sleep(250);
            }
        }
        say("status API: %d of %d sampled exchanges show their share DELIVERED", delivered, sample.size());
        return delivered;
    }

    private String get(URI uri) throws InterruptedException {
        try {
            return agency.send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(10))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            return "";
        }
    }

    /** Warnings and errors the gateway logged: where a bottleneck or a failure shows first. */
    private void reportLog() {
        try (Stream<String> lines = Files.lines(gateway.log())) {
            Map<String, Integer> counts = new TreeMap<>();
            lines.filter(l -> l.contains(" WARN ") || l.contains(" ERROR "))
                    .map(l -> l.replaceAll("^\\S+\\s+", "").replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>"))
                    .map(l -> l.length() > 200 ? l.substring(0, 200) : l)
                    .forEach(l -> counts.merge(l, 1, Integer::sum));
            say("gateway log: %d distinct WARN/ERROR lines", counts.size());
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(10)
                    .forEach(e -> say("  %5d x %s", e.getValue(), e.getKey()));
        } catch (IOException | java.io.UncheckedIOException e) {
            say("cannot read the gateway log: %s", e.getMessage());
        }
    }

    private static void deleteDatabase(Path workDir) {
        try (Stream<Path> files = Files.list(workDir)) {
            files.filter(f -> f.getFileName().toString().startsWith("db")).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    // left for the operating system's temp cleanup
                }
            });
        } catch (IOException e) {
            // ditto
        }
    }

    /**
     * CPU time the whole machine has been busy (user, nice, system, irq, softirq, steal from /proc/stat),
     * so that what other processes used during a phase can be told apart; -1 where there is no /proc.
     */
    static long machineBusyNanos() {
        try {
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long jiffies = 0;
            for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
                jiffies += Long.parseLong(cpu[field]);
            }
            return jiffies * (1_000_000_000L / CLOCK_TICKS);
        } catch (IOException | RuntimeException e) {
            return -1;
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

    /** USER_HZ, which is 100 on every Linux the JDK runs on. */
    private static final long CLOCK_TICKS = 100;

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

    /** The process's resident set (VmRSS) in kB, -1 where there is no /proc. */
    static long residentKilobytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                    .findFirst()
                    .orElse(-1);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static void say(String format, Object... args) {
        String line = args.length == 0 ? format : String.format(Locale.ROOT, format, args);
        System.out.println(line.isEmpty() ? line : CLOCK.format(LocalTime.now()) + " " + line);
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    /** One measured phase and what it produced. */
    static final class Phase {
        final String name;
        final double rate;
        final int clients;
        final Duration length;
        final List<UUID> accepted = Collections.synchronizedList(new ArrayList<>());
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        final Map<String, String> firstErrorBody = new ConcurrentHashMap<>();
        long start;
        long end;
        long lastArrival;
        long[] latencies = new long[0];
        long gatewayCpuNanos;
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

    /** The gateway's resident set at a time into a phase. */
    record Memory(double second, long rssKb) {}

    /** Where a phase takes its submissions from; null when there are no more. */
    interface Source {
        Submission take();

        /** Protected on demand, by the client thread that submits it. */
        static Source onDemand(ExchangeDocuments documents) {
            return () -> documents.next(Instant.now());
        }
    }

    /** Pre-generated submissions, handed out once each. */
    static final class Documents implements Source {
        final Submission[] submissions;
        final long nanos;
        private final AtomicInteger next = new AtomicInteger();

        Documents(Submission[] submissions, long nanos) {
            this.submissions = submissions;
            this.nanos = nanos;
        }

        static Documents generate(ExchangeDocuments documents, int count, int threads) throws Exception {
            Submission[] out = new Submission[count];
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> parts = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int from = t;
                    parts.add(pool.submit(() -> {
                        for (int i = from; i < count; i += threads) {
                            out[i] = documents.next(Instant.now());
                        }
                    }));
                }
                for (Future<?> part : parts) {
                    part.get();
                }
            } finally {
                pool.shutdown();
            }
            return new Documents(out, System.nanoTime() - start);
        }

        @Override
        public Submission take() {
            int i = next.getAndIncrement();
            return i < submissions.length ? submissions[i] : null;
        }

        int size() {
            return submissions.length;
        }

        double seconds() {
            return LoadGenerator.seconds(nanos);
        }
    }

    /** A growable long[]. */
    static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** Command-line options. */
    static final class Options {
        static final String USAGE =
                """
                usage: java -cp benchmarks/target/benchmarks.jar io.borderlink.benchmarks.LoadGenerator [options]
                  (run from the repository root; needs gateway/target/borderlink-gateway.jar)
                  --clients N          concurrent clients (closed loop) or client threads (fixed rate) [16]
                  --duration S         seconds of the sustained phase [30]
                  --warmup S           seconds of closed-loop warm-up, not reported [60]
                  --rate R             fixed target rate, exchanges/s (open loop); 0 = closed loop [0]
                  --half-of-max        closed loop for the maximum, then a phase at half of it (fixed rate)
                  --documents N        exchanges to pre-generate for the first measured phase
                                       [2 x the warm-up rate x duration, or 1.05 x rate x duration]
                  --baseline OPS       crypto-only exchanges/s (JMH CryptoBaseline exchange, 2 threads), to
                                       print the end-to-end / crypto ratio against the 70 % target
                  --max-age D          the gateway's --borderlink.intake.max-age, so pre-generated documents
                                       stay fresh [60m]
                  --drain-timeout S    how long to wait for the partner to receive everything [180]
                  --gateway-jar PATH   [gateway/target/borderlink-gateway.jar]
                  --gateway-jvm ARG    a JVM option for the gateway, repeatable (e.g. -XX:StartFlightRecording=...)
                  --gateway-arg ARG    an application argument for the gateway, repeatable
                  --stub-threads N     partner stub worker threads [8]
                  --generator-threads N  threads that pre-generate documents [cores]
                  --ec                 play the elliptic-curve identities (MN-INTEL to KR-LIAISON, P-256)
                                       instead of the RSA ones (MN-BORDER to RU-LIAISON)
                  --postgres           the gateway on a database of its own on the test kit's embedded
                                       PostgreSQL (fsync off), instead of a file H2; adds transactions
                                       and rows per exchange from pg_stat_database
                  --no-jfr             no JFR recording of the measured windows (by default each measured
                                       phase is recorded with jcmd and profiled by package)
                  --out DIR            where report.txt, result.json and phase-N.jfr go [the work dir]
                  --keep               keep the gateway's database in the work dir
                """;

        int clients = 16;
        Duration duration = Duration.ofSeconds(30);
        Duration warmup = Duration.ofSeconds(60);
        double rate;
        boolean halfOfMax;
        int documents;
        double baseline;
        String maxAge = "60m";
        Duration drainTimeout = Duration.ofSeconds(180);
        Path jar = Path.of("gateway/target/borderlink-gateway.jar");
        List<String> gatewayJvmArgs = new ArrayList<>();
        List<String> gatewayArgs = new ArrayList<>();
        int stubThreads = 8;
        int generatorThreads = Runtime.getRuntime().availableProcessors();
        KeyType keys = KeyType.RSA;
        boolean keep;
        boolean help;
        boolean postgres;
        boolean jfr = true;
        Path out;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    value = arg.substring(eq + 1);
                    arg = arg.substring(0, eq);
                }
                switch (arg) {
                    case "--half-of-max" -> o.halfOfMax = true;
                    case "--keep" -> o.keep = true;
                    case "--postgres" -> o.postgres = true;
                    case "--no-jfr" -> o.jfr = false;
                    case "--ec" -> o.keys = KeyType.EC;
                    case "-h", "--help" -> o.help = true;
                    default -> {
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new IllegalArgumentException(arg + " needs a value");
                            }
                            value = args[++i];
                        }
                        o.set(arg, value);
                    }
                }
            }
            if (o.clients < 1 || o.duration.isZero() || o.rate < 0) {
                throw new IllegalArgumentException("--clients and --duration must be positive, --rate >= 0");
            }
            return o;
        }

        private void set(String name, String value) {
            try {
                switch (name) {
                    case "--clients" -> clients = Integer.parseInt(value);
                    case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(value));
                    case "--warmup" -> warmup = Duration.ofSeconds(Long.parseLong(value));
                    case "--rate" -> rate = Double.parseDouble(value);
                    case "--documents" -> documents = Integer.parseInt(value);
                    case "--baseline" -> baseline = Double.parseDouble(value);
                    case "--max-age" -> maxAge = value;
                    case "--drain-timeout" -> drainTimeout = Duration.ofSeconds(Long.parseLong(value));
                    case "--gateway-jar" -> jar = Path.of(value);
                    case "--out" -> out = Path.of(value);
                    case "--gateway-jvm" -> gatewayJvmArgs.add(value);
                    case "--gateway-arg" -> gatewayArgs.add(value);
                    case "--stub-threads" -> stubThreads = Integer.parseInt(value);
                    case "--generator-threads" -> generatorThreads = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ": not a number: " + value);
            }
        }
    }
}
