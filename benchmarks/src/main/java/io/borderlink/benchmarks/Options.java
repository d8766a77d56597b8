package io.borderlink.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Command-line options. */
final class Options {
    static final String USAGE =
            """
            usage: java -cp benchmarks/target/benchmarks.jar io.borderlink.benchmarks.LoadGenerator [options]
              (run from the repository root; needs gateway/target/borderlink-gateway.jar)
              --clients N          concurrent clients (closed loop) or client threads (fixed rate) [16]
              --duration S         seconds of the sustained phase [30]
              --warmup S           seconds of warm-up, not reported [180]
              --warmup-rate R      warm up open loop at R exchanges/s instead of closed loop: below
                                   saturation the JIT compiler gets the CPU it needs and finishes
                                   before the measured windows (their report says how much CPU it
                                   still took); the maximum's pool then allows 3 x R + 20/s [0: closed]
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
              --nodes N            with --postgres: N gateway processes on the one database, one Hazelcast
                                   cluster (majority as minimum members), submissions taking turns over
                                   them; reports per node the exchanges it accepted, its CPU and the
                                   statements it issued (pg_stat_statements, a login role per node), and
                                   the top 10 statements; JFR profiles node 1 only [1: one gateway]
              --no-jfr             no JFR recording of the measured windows (by default each measured
                                   phase is recorded with jcmd and profiled by package)
              --out DIR            where report.txt, result.json and phase-N.jfr go [the work dir]
              --keep               keep the gateway's database in the work dir
            """;

    int clients = 16;
    Duration duration = Duration.ofSeconds(30);
    Duration warmup = Duration.ofSeconds(180);
    double warmupRate;
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
    int nodes = 1;
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
        if (o.clients < 1 || o.duration.isZero() || o.rate < 0 || o.warmupRate < 0) {
            throw new IllegalArgumentException(
                    "--clients and --duration must be positive, --rate and --warmup-rate >= 0");
        }
        if (o.nodes < 1 || (o.nodes > 1 && !o.postgres)) {
            throw new IllegalArgumentException("--nodes must be at least 1, and more than 1 needs --postgres");
        }
        return o;
    }

    private void set(String name, String value) {
        try {
            switch (name) {
                case "--clients" -> clients = Integer.parseInt(value);
                case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(value));
                case "--warmup" -> warmup = Duration.ofSeconds(Long.parseLong(value));
                case "--warmup-rate" -> warmupRate = Double.parseDouble(value);
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
                case "--nodes" -> nodes = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a number: " + value);
        }
    }
}
