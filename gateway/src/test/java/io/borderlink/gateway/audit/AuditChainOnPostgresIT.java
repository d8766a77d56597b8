package io.borderlink.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderlink.gateway.BorderlinkApplication;
import io.borderlink.gateway.audit.ChainProblem.Kind;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.TestPostgres;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two gateway nodes (two Spring contexts) on one real PostgreSQL: appends from both at once, with both
 * sequencers running, keep one gap-free chain; the append-only triggers refuse the application's changes,
 * and an owner who switches them off is still caught by the chain.
 */
class AuditChainOnPostgresIT {

    private static final int WRITERS_PER_NODE = 3;
    private static final int APPENDS_PER_WRITER = 60;

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void twoNodesOnOneDatabase() {
        TestPostgres postgres = TestPostgres.shared();
        String url = postgres.createDatabase("audit_two_nodes");
        nodeA = node("node-a", url, postgres);
        nodeB = node("node-b", url, postgres);
    }

    @AfterAll
    static void stopNodes() {
        nodeB.close();
        nodeA.close();
    }

    @Test
    void appendsFromTwoNodesAtOnceKeepOneGapFreeChain() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(2 * WRITERS_PER_NODE);
        List<Future<?>> done = new ArrayList<>();
        for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
            AuditTrail trail = node.getBean(AuditTrail.class);
            for (int w = 0; w < WRITERS_PER_NODE; w++) {
                done.add(writers.submit(() -> {
                    for (int i = 0; i < APPENDS_PER_WRITER; i++) {
                        UUID exchange = UUID.randomUUID();
                        trail.record(List.of(
                                AuditEvent.ok(AuditStep.RECEIVE, exchange), AuditEvent.ok(AuditStep.DECIDE, exchange)));
                    }
                }));
            }
        }
        for (Future<?> writer : done) {
            writer.get();
        }
        writers.shutdown();
        nodeB.getBean(AuditSequencer.class).seal();

        JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
        long events = jdbc.queryForObject("SELECT count(*) FROM audit_event", Long.class);
        assertThat(events).isGreaterThanOrEqualTo(2L * 2 * WRITERS_PER_NODE * APPENDS_PER_WRITER);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_pending", Long.class))
                .isZero();
        assertThat(jdbc.queryForList("SELECT count(*), min(seq), max(seq) FROM audit_chain")
                        .get(0)
                        .values())
                .containsExactly(events, 1L, events);
        assertThat(jdbc.queryForList("SELECT DISTINCT node FROM audit_event ORDER BY node", String.class))
                .containsExactly("node-a", "node-b");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_checkpoint", Long.class))
                .isGreaterThan(1);
        ChainReport report = nodeA.getBean(AuditVerification.class).verify(null);
        assertThat(report.problems()).isEmpty();
        assertThat(report.verifiedTo()).isEqualTo(events);
    }

    /**
     * The sequencer's turn and the operators' view of the queue read the events that wait, never the trail
     * behind them: counted in PostgreSQL's own statistics of the transaction that does both.
     */
    @Test
    void chainingAndReportingWhatWaitsReadOnlyTheWaitingEventsHoweverLongTheTrail() {
        AuditTrail trail = nodeA.getBean(AuditTrail.class);
        for (int i = 0; i < 20; i++) {
            List<AuditEvent> events = new ArrayList<>();
            for (int e = 0; e < 100; e++) {
                events.add(AuditEvent.ok(AuditStep.RECEIVE, UUID.randomUUID()));
            }
            trail.record(events);
        }
        nodeA.getBean(AuditSequencer.class).seal();
        JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_chain", Long.class))
                .isGreaterThanOrEqualTo(2000);

        TransactionTemplate transaction = nodeA.getBean(TransactionTemplate.class);
        transaction.executeWithoutResult(status -> {
            // Recorded in this transaction, so that no other sequencer can chain them first; rolled back at the end.
            UUID exchange = UUID.randomUUID();
            trail.record(List.of(
                    AuditEvent.ok(AuditStep.RECEIVE, exchange),
                    AuditEvent.ok(AuditStep.ACCEPT, exchange),
                    AuditEvent.ok(AuditStep.DECIDE, exchange)));
            long before = auditEventRowsRead(jdbc);

            AuditProgress.Snapshot progress = nodeA.getBean(AuditProgress.class).read();
            long readForTheView = auditEventRowsRead(jdbc) - before;
            long queueScans = queueScans(jdbc);
            nodeA.getBean(AuditSequencer.class).seal();
            long readForTheChain = auditEventRowsRead(jdbc) - before - readForTheView;
            long queueScansForTheChain = queueScans(jdbc) - queueScans;

            assertThat(progress.pending()).isEqualTo(3);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_pending", Long.class))
                    .isZero();
            assertThat(readForTheView).isLessThanOrEqualTo(3);
            // Each waiting event is read once to be chained, and once more by the foreign key of its chain entry.
            assertThat(readForTheChain).isLessThanOrEqualTo(2 * 3);
            // The queue is read once for the batch and emptied of it in one statement, not one per event.
            assertThat(queueScansForTheChain).isLessThanOrEqualTo(2);
            status.setRollbackOnly();
        });
    }

    @Test
    void theApplicationCannotChangeOrRemoveAuditRows() {
        chainSomething();
        JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);

        assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET detail = 'nothing happened'"))
                .hasStackTraceContaining("audit rows are append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_chain WHERE seq = 1"))
                .hasStackTraceContaining("audit rows are append-only");
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_checkpoint SET chain_hash = chain_hash"))
                .hasStackTraceContaining("audit rows are append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_anchor"))
                .hasStackTraceContaining("audit rows are append-only");
    }

    /** Only the table owner can switch the trigger off; what they change then, the chain still shows. */
    @Test
    void anOwnerWhoSwitchesTheTriggerOffIsStillCaught() {
        chainSomething();
        JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
        long seq = jdbc.queryForObject("SELECT max(seq) FROM audit_chain", Long.class);

        long event = jdbc.queryForObject("SELECT event_id FROM audit_chain WHERE seq = ?", Long.class, seq);
        jdbc.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
        try {
            jdbc.update("UPDATE audit_event SET outcome = 'DENIED' WHERE id = ?", event);

            ChainReport report = nodeB.getBean(AuditVerification.class).verify(null);
            assertThat(report.firstProblem().kind()).isEqualTo(Kind.CHANGED);
            assertThat(report.firstProblem().seq()).isEqualTo(seq);
        } finally {
            // The other tests share this chain.
            jdbc.update("UPDATE audit_event SET outcome = 'OK' WHERE id = ?", event);
            jdbc.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
        }
    }

    /** A time range exported on PostgreSQL verifies offline, the other node's entries in it included. */
    @Test
    void exportsATimeRangeThatVerifiesOffline() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        nodeA.getBean(AuditTrail.class).record(AuditEvent.ok(AuditStep.RECEIVE, UUID.randomUUID()));
        nodeB.getBean(AuditTrail.class).record(AuditEvent.ok(AuditStep.RECEIVE, UUID.randomUUID()));
        Instant to = Instant.now().plusSeconds(1);

        EvidenceBundles.Export export =
                nodeB.getBean(EvidenceBundles.class).range(from, to, new Auditor("auditor-1", null));
        try {
            BundleVerifier.Report report = new BundleVerifier(
                            List.of(DevPki.ca("national-root")),
                            List.of(DevPki.certificate("audit-checkpoint")),
                            List.of())
                    .verify(export.file());

            assertThat(report.problems()).isEmpty();
            assertThat(export.events()).isGreaterThanOrEqualTo(2);
        } finally {
            Files.deleteIfExists(export.file());
        }
    }

    private static void chainSomething() {
        nodeA.getBean(AuditTrail.class).record(AuditEvent.ok(AuditStep.RECEIVE, UUID.randomUUID()));
        nodeA.getBean(AuditSequencer.class).seal();
    }

    /** Index and sequential scans of the audit queue in this transaction: one per statement that looks in it. */
    private static long queueScans(JdbcTemplate jdbc) {
        return jdbc.queryForObject(
                "SELECT seq_scan + coalesce(idx_scan, 0) FROM pg_stat_xact_user_tables WHERE relname = 'audit_pending'",
                Long.class);
    }

    /** Rows of audit_event this transaction has read so far, by scans and through indexes. */
    private static long auditEventRowsRead(JdbcTemplate jdbc) {
        return jdbc.queryForObject(
                "SELECT seq_tup_read + coalesce(idx_tup_fetch, 0) FROM pg_stat_xact_user_tables"
                        + " WHERE relname = 'audit_event'",
                Long.class);
    }

    private static ConfigurableApplicationContext node(String id, String url, TestPostgres postgres) {
        return new SpringApplicationBuilder(BorderlinkApplication.class)
                .profiles("dev", "test")
                .run(
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + postgres.username(),
                        "--spring.datasource.password=" + postgres.password(),
                        "--server.port=0",
                        "--borderlink.cluster.node-id=" + id,
                        "--borderlink.audit.sequence-interval=20ms",
                        "--borderlink.audit.checkpoint-every=50");
    }
}
