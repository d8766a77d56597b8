package io.borderlink.gateway.audit;

import io.borderlink.crypto.JoseCrypto;
import io.borderlink.crypto.SigningKey;
import io.borderlink.gateway.cluster.NodeIdentity;
import io.borderlink.gateway.pki.GatewayKeys;
import io.borderlink.testkit.DevPki;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit chain's speed in entries per second, with the gateway's own classes on an in-memory H2 with
 * the gateway's migrations (the development database; PostgreSQL adds a network round trip per
 * statement). In the gateway's package because the chain's classes are package-private.
 *
 * <ul>
 *   <li>{@link #append}: what a business transaction and the sequencer do per event: one transaction
 *       appending {@value #BATCH} events with their queue rows, then one sequencer turn chaining them
 *       (entry hash, chain hash, insert, dequeue) and, every {@value #CHECKPOINT_EVERY} entries, signing
 *       a checkpoint with the gateway key (RSA-2048, PS256).
 *   <li>{@link #verify}: verifying a chain of {@value #CHAIN} entries in the database from the start:
 *       reading each entry with its event, recomputing both hashes, checking every checkpoint's signature.
 *   <li>{@link #walk}: the same recomputation in memory, without the database: what the offline verifier
 *       does per entry of a bundle.
 * </ul>
 *
 * Run from the repository root (it reads certs-dev/gateway.p12); see benchmarks/README.md.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
public class AuditChainBenchmark {

    static final int BATCH = 100;
    static final int CHAIN = 20_000;
    static final int CHECKPOINT_EVERY = 10_000;

    /** A fresh database per trial that grows as events are appended. */
    @State(Scope.Benchmark)
    public static class Appending {
        JdbcAuditTrail trail;
        AuditSequencer sequencer;

        @Setup
        public void database() {
            Database database = new Database("append");
            trail = database.trail;
            sequencer = database.sequencer;
        }
    }

    /** A database holding a chain of {@value #CHAIN} entries, and the same chain in memory. */
    @State(Scope.Benchmark)
    public static class Chained {
        AuditVerification verification;
        List<ChainEntry> entries;

        @Setup
        public void chain() {
            Database database = new Database("verify");
            for (int i = 0; i < CHAIN / BATCH; i++) {
                database.trail.record(events());
            }
            database.sequencer.seal();
            verification = new AuditVerification(
                    database.jdbc,
                    new Checkpoints(database.jdbc, new JoseCrypto()),
                    database.trail,
                    database.keys,
                    Clock.systemUTC());
            entries = verification.entriesAfter(0, CHAIN);
            if (entries.size() != CHAIN || !verification.verify(null).intact()) {
                throw new IllegalStateException("the benchmark chain did not build");
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int append(Appending state) {
        state.trail.record(events());
        return state.sequencer.sequence();
    }

    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public ChainReport verify(Chained state) {
        return state.verification.verify(null);
    }

    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public long walk(Chained state) {
        ChainWalk walk = new ChainWalk(0, ChainHashes.GENESIS, (seq, count) -> List.of());
        for (ChainEntry entry : state.entries) {
            if (walk.accept(entry).isPresent()) {
                throw new IllegalStateException("the benchmark chain does not verify");
            }
        }
        return walk.verified();
    }

    /** A batch of events shaped like a real exchange's: receive, decide, deliver, with digests and actors. */
    static List<AuditEvent> events() {
        List<AuditEvent> events = new ArrayList<>(BATCH);
        UUID exchange = UUID.randomUUID();
        for (int i = 0; i < BATCH; i++) {
            events.add(AuditEvent.ok(i % 3 == 0 ? AuditStep.RECEIVE : AuditStep.DELIVER, exchange)
                    .partner("RU-LIAISON")
                    .actor("MN-BORDER", "ab".repeat(32))
                    .digest("cd".repeat(32))
                    .outcome(AuditEvent.Outcome.OK, null, "attempt 1, RU-LIAISON answered 200"));
        }
        return events;
    }

    /** An in-memory H2 with the gateway's migrations, and the trail and sequencer the gateway would wire. */
    private static final class Database {
        final JdbcTemplate jdbc;
        final JdbcAuditTrail trail;
        final AuditSequencer sequencer;
        final GatewayKeys keys;

        Database(String name) {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:" + name + "-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            jdbc = new JdbcTemplate(dataSource);
            TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            Clock clock = Clock.systemUTC();
            SigningKey gateway = DevPki.key("gateway");
            keys = new GatewayKeys(gateway, gateway);
            AuditSettings settings = new AuditSettings(
                    Duration.ofMillis(500),
                    5000,
                    CHECKPOINT_EVERY,
                    Duration.ofSeconds(60),
                    null,
                    null,
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(60),
                    Duration.ofSeconds(10),
                    1_000_000);
            trail = new JdbcAuditTrail(jdbc, transactions, clock, new NodeIdentity("benchmark"), event -> {});
            sequencer = new AuditSequencer(jdbc, transactions, new JoseCrypto(), keys, settings, clock);
        }
    }
}
