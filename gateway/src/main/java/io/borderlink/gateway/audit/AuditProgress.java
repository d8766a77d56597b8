package io.borderlink.gateway.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far the chain has got, for operators: its head, what still waits to be chained, the last signed
 * checkpoint and the last time-stamp anchor. A sequencer that stopped (a damaged chain, see
 * {@link AuditSequencer}) shows as events waiting longer and longer; an anchoring outage as an old anchor.
 */
@Component
public class AuditProgress {

    private final JdbcTemplate jdbc;
    private final AuditSettings settings;

    AuditProgress(JdbcTemplate jdbc, AuditSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * Indexed reads only, however long the trail: the newest chain entry, the pending queue (each waiting
     * event looked up by its key, never the trail joined whole), the newest checkpoint and anchor.
     */
    public Snapshot read() {
        ChainHead head = ChainHead.read(jdbc);
        Pending pending = jdbc.queryForObject(
                """
                SELECT count(*) AS waiting,
                       min((SELECT e.occurred_at FROM audit_event e WHERE e.id = p.event_id)) AS oldest
                FROM audit_pending p""",
                (rs, row) -> new Pending(rs.getLong("waiting"), instant(rs, "oldest")));
        Checkpointed checkpoint = jdbc
                .query(
                        "SELECT seq, signed_at FROM audit_checkpoint ORDER BY seq DESC LIMIT 1",
                        (rs, row) -> new Checkpointed(rs.getLong("seq"), instant(rs, "signed_at")))
                .stream()
                .findFirst()
                .orElse(new Checkpointed(0, null));
        // Checkpoints are anchored in order, so the newest anchor is that of the newest anchored checkpoint.
        Instant anchoredAt = jdbc
                .query(
                        "SELECT stamped_at FROM audit_anchor ORDER BY checkpoint_id DESC LIMIT 1",
                        (rs, row) -> instant(rs, "stamped_at"))
                .stream()
                .findFirst()
                .orElse(null);
        return new Snapshot(
                head.seq(),
                head.chainHash(),
                pending.waiting(),
                pending.oldest(),
                checkpoint.seq(),
                checkpoint.signedAt(),
                settings.tsaUrl() != null,
                anchoredAt);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * @param length entries chained so far (the head's sequence number)
     * @param headHash the chain hash at the head
     * @param pending events committed but not chained yet
     * @param oldestPending when the oldest of them was recorded, or null when none waits
     * @param checkpointSeq the entry the newest checkpoint signed, 0 before the first
     * @param checkpointAt when it was signed, or null
     * @param anchoring whether a time-stamping authority is configured
     * @param anchoredAt the time of the newest time-stamp token, or null
     */
    public record Snapshot(
            long length,
            String headHash,
            long pending,
            Instant oldestPending,
            long checkpointSeq,
            Instant checkpointAt,
            boolean anchoring,
            Instant anchoredAt) {}

    private record Pending(long waiting, Instant oldest) {}

    private record Checkpointed(long seq, Instant signedAt) {}
}
