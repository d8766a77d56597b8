package io.borderlink.gateway.audit;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.gateway.audit.ChainProblem.Kind;
import io.borderlink.gateway.pki.GatewayKeys;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Verifies the chain as it is in the database now: every event against its entry hash, every link,
 * every checkpoint's signature and the hash it signed, and that no event sits in the table outside the
 * chain. Reads the chain a page at a time, so its length is bounded by time, not memory.
 */
@Component
public class AuditVerification {

    private static final int PAGE = 5000;
    private static final int MAX_UNCHAINED_LISTED = 100;

    private final JdbcTemplate jdbc;
    private final Checkpoints checkpoints;
    private final AuditTrail audit;
    private final List<X509Certificate> signers;
    private final Clock clock;

    AuditVerification(JdbcTemplate jdbc, Checkpoints checkpoints, AuditTrail audit, GatewayKeys keys, Clock clock) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
        this.audit = audit;
        this.signers = keys.checkpointSigners();
        this.clock = clock;
    }

    /** The newest checkpoints first: where a verification can start, and what the chain is provable up to. */
    public List<Checkpoint> checkpoints(int limit) {
        return checkpoints.latest(limit);
    }

    /**
     * An auditor's verification: the report, and a VERIFY event saying who asked and what was found; or, from a
     * checkpoint there is not, the refusal, audited.
     */
    public ChainReport verify(Long fromCheckpoint, Auditor auditor) {
        ChainReport report;
        try {
            report = verify(fromCheckpoint);
        } catch (GatewayException e) {
            audit.record(AuditEvent.rejected(AuditStep.VERIFY, null, e.code(), e.getMessage())
                    .actor(auditor.id(), auditor.certificate()));
            throw e;
        }
        String scope = fromCheckpoint == null ? "whole chain" : "from checkpoint " + fromCheckpoint;
        audit.record(
                AuditEvent.of(AuditStep.VERIFY, report.intact() ? AuditEvent.Outcome.OK : AuditEvent.Outcome.FAILED)
                        .code(report.intact() ? null : ErrorCode.AUDIT_CHAIN_BROKEN.name())
                        .actor(auditor.id(), auditor.certificate())
                        .detail(scope + ": entries " + report.from() + " to " + report.verifiedTo() + " verified"
                                + (report.intact() ? "" : "; " + report.firstProblem())));
        return report;
    }

    /**
     * Verifies the whole chain, or from a checkpoint on: then what the checkpoint signed is taken as given,
     * once its signature verifies, and the walk starts from its hash.
     */
    public ChainReport verify(Long fromCheckpoint) {
        Instant started = clock.instant();
        long startSeq = 0;
        String startHash = ChainHashes.GENESIS;
        List<ChainProblem> problems = new ArrayList<>();
        if (fromCheckpoint != null) {
            Checkpoint start = checkpoints
                    .find(fromCheckpoint)
                    .orElseThrow(() -> new GatewayException(ErrorCode.NOT_FOUND, "no checkpoint " + fromCheckpoint));
            Optional<String> invalid = checkpoints.problem(start, signers);
            if (invalid.isPresent()) {
                problems.add(new ChainProblem(Kind.CHECKPOINT_INVALID, start.seq(), invalid.get()));
                return report(started, start.seq() + 1, start.seq(), 0, problems, 0);
            }
            startSeq = start.seq();
            startHash = start.chainHash();
        }
        ChainWalk walk = new ChainWalk(startSeq, startHash, this::entriesAfter);
        Optional<ChainProblem> broken = walk(walk, startSeq);
        broken.ifPresent(problems::add);
        long trustedTo = broken.map(p -> p.seq() - 1).orElse(Long.MAX_VALUE);
        int checked = checkCheckpoints(startSeq, trustedTo, problems);
        problems.addAll(unchained());
        problems.sort(Comparator.comparing((ChainProblem p) -> p.kind() == Kind.UNCHAINED)
                .thenComparingLong(ChainProblem::seq));
        return report(started, startSeq + 1, walk.lastSeq(), walk.verified(), problems, checked);
    }

    private Optional<ChainProblem> walk(ChainWalk walk, long startSeq) {
        long after = startSeq;
        while (true) {
            List<ChainEntry> page = entriesAfter(after, PAGE);
            for (ChainEntry entry : page) {
                Optional<ChainProblem> problem = walk.accept(entry);
                if (problem.isPresent()) {
                    return problem;
                }
            }
            if (page.size() < PAGE) {
                return Optional.empty();
            }
            after = page.get(page.size() - 1).seq();
        }
    }

    /**
     * Each checkpoint from the start on must verify and, up to where the chain is trusted, sign the hash
     * the chain has there. Only the first checkpoint the chain no longer matches or reaches is reported:
     * the ones after it say the same.
     */
    private int checkCheckpoints(long startSeq, long trustedTo, List<ChainProblem> problems) {
        long chainEnd = chainEnd();
        long lastGood = startSeq;
        boolean reported = false;
        int checked = 0;
        for (List<Checkpoint> page = checkpoints.from(startSeq, PAGE);
                !page.isEmpty();
                page = page.size() < PAGE
                        ? List.of()
                        : checkpoints.from(page.get(page.size() - 1).seq() + 1, PAGE)) {
            for (Checkpoint checkpoint : page) {
                checked++;
                Optional<String> invalid = checkpoints.problem(checkpoint, signers);
                if (invalid.isPresent()) {
                    problems.add(new ChainProblem(Kind.CHECKPOINT_INVALID, checkpoint.seq(), invalid.get()));
                } else if (!reported && checkpoint.seq() > chainEnd) {
                    problems.add(truncated(chainEnd));
                    reported = true;
                } else if (!reported && checkpoint.seq() <= trustedTo) {
                    String chained = chainHashAt(checkpoint.seq());
                    if (checkpoint.chainHash().equals(chained)) {
                        lastGood = checkpoint.seq();
                    } else {
                        problems.add(new ChainProblem(
                                Kind.REWRITTEN,
                                lastGood + 1,
                                "checkpoint " + checkpoint.id() + " signed " + checkpoint.chainHash() + " at entry "
                                        + checkpoint.seq() + ", the chain now has " + chained + " there: entries "
                                        + (lastGood + 1) + " to " + checkpoint.seq()
                                        + " were recomputed after they were signed"));
                        reported = true;
                    }
                }
            }
        }
        return checked;
    }

    /** Names the last signed checkpoint, the one the removed entries had to answer to. */
    private ChainProblem truncated(long chainEnd) {
        Checkpoint last = checkpoints.latest(1).get(0);
        return new ChainProblem(
                Kind.TRUNCATED,
                chainEnd + 1,
                "the chain ends at entry " + chainEnd + ", but checkpoint " + last.id() + " (signed " + last.signedAt()
                        + ") covers entry " + last.seq() + ": entries " + (chainEnd + 1) + " to " + last.seq()
                        + " were removed from its end");
    }

    private List<ChainProblem> unchained() {
        return jdbc.query(
                """
                SELECT e.id FROM audit_event e
                WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.event_id = e.id)
                  AND NOT EXISTS (SELECT 1 FROM audit_pending p WHERE p.event_id = e.id)
                ORDER BY e.id LIMIT ?""",
                (rs, row) -> new ChainProblem(
                        Kind.UNCHAINED,
                        0,
                        "event id " + rs.getLong(1) + " is in the table but was never chained nor queued:"
                                + " it was not recorded by the gateway"),
                MAX_UNCHAINED_LISTED);
    }

    List<ChainEntry> entriesAfter(long seq, int count) {
        return jdbc.query(
                "SELECT c.seq, c.event_id, c.entry_hash, c.chain_hash, " + ChainedEvent.COLUMNS
                        + " FROM audit_chain c LEFT JOIN audit_event e ON e.id = c.event_id"
                        + " WHERE c.seq > ? ORDER BY c.seq LIMIT ?",
                AuditVerification::entry,
                seq,
                count);
    }

    private static ChainEntry entry(ResultSet rs, int row) throws SQLException {
        ChainedEvent event = rs.getObject("id") == null ? null : ChainedEvent.read(rs);
        return new ChainEntry(
                rs.getLong("seq"),
                rs.getLong("event_id"),
                rs.getString("entry_hash").stripTrailing(),
                rs.getString("chain_hash").stripTrailing(),
                event,
                false);
    }

    private long chainEnd() {
        Long end = jdbc.queryForObject("SELECT max(seq) FROM audit_chain", Long.class);
        return end == null ? 0 : end;
    }

    private String chainHashAt(long seq) {
        return jdbc
                .query("SELECT chain_hash FROM audit_chain WHERE seq = ?", (rs, row) -> rs.getString(1), seq)
                .stream()
                .findFirst()
                .map(String::stripTrailing)
                .orElse(null);
    }

    private ChainReport report(
            Instant started, long from, long verifiedTo, long entries, List<ChainProblem> problems, int checked) {
        Long pending = jdbc.queryForObject("SELECT count(*) FROM audit_pending", Long.class);
        Instant now = clock.instant();
        return new ChainReport(
                problems.isEmpty(),
                from,
                verifiedTo,
                entries,
                chainEnd(),
                problems.isEmpty() ? null : problems.get(0),
                List.copyOf(problems),
                checked,
                checkpoints.latest(1).stream().findFirst().orElse(null),
                pending == null ? 0 : pending,
                now,
                Duration.between(started, now));
    }
}
