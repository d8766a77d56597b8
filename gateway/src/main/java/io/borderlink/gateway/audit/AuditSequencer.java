package io.borderlink.gateway.audit;

import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.JoseCrypto;
import io.borderlink.crypto.SigningKey;
import io.borderlink.gateway.pki.GatewayKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains committed events: gives each a gap-free sequence number and a hash linked to the entry before,
 * in the order it finds them, and signs the head every so often with the checkpoint key (never a key the
 * gateway uses online, under prod). Every node runs it; the row lock on
 * {@code audit_head} lets one at a time in, so two nodes never interleave, and a node that finds it
 * taken skips its turn. It refuses to extend a chain that is shorter than, or differs from, what its
 * last checkpoint signed: building on a damaged chain would bury the damage.
 */
@Component("auditSequencer")
public class AuditSequencer {

    private static final Logger log = LoggerFactory.getLogger(AuditSequencer.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JoseCrypto jose;
    private final GatewayKeys keys;
    private final AuditSettings settings;
    private final Clock clock;
    /** The damage last logged, so that a stalled sequencer says so once rather than every turn. */
    private volatile String lastComplaint;

    AuditSequencer(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            JoseCrypto jose,
            GatewayKeys keys,
            AuditSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.jose = jose;
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    /** The timer's turn: chains everything pending, a batch per transaction, unless another node is at it. */
    public int sequence() {
        return run(false);
    }

    /**
     * Before an export: waits for the lock, chains everything pending and signs the head if no checkpoint
     * covers it yet, so that what is exported is provable up to its last entry.
     */
    public void seal() {
        run(true);
    }

    private int run(boolean seal) {
        int chained = 0;
        while (true) {
            Integer batch = transactions.execute(status -> batch(seal));
            if (batch == null || batch < 0) {
                return chained;
            }
            chained += batch;
            if (batch < settings.batchSize()) {
                return chained;
            }
        }
    }

    /** One transaction: the lock, a batch of pending events, perhaps a checkpoint. -1 when it did nothing. */
    private int batch(boolean seal) {
        if (!lock(seal)) {
            return -1;
        }
        ChainHead head = ChainHead.read(jdbc);
        Optional<Checkpointed> last = lastCheckpoint();
        if (last.isPresent() && !reachesCheckpoint(head, last.get())) {
            return -1;
        }
        List<ChainedEvent> events = pending();
        if (!events.isEmpty()) {
            head = append(head, events);
        }
        long signedUpTo = last.map(Checkpointed::seq).orElse(0L);
        if (head.seq() > signedUpTo && (seal || checkpointDue(head, last))) {
            checkpoint(head);
        }
        return events.size();
    }

    /**
     * The next batch of pending events, in id order. Their ids first, then the events by primary key: joined
     * in one statement, PostgreSQL's planner may merge the queue with the whole trail in id order and so read
     * every event ever chained to reach the pending ones at its end, on every turn.
     */
    private List<ChainedEvent> pending() {
        Long[] ids = jdbc.queryForList(
                        "SELECT event_id FROM audit_pending ORDER BY event_id LIMIT ?",
                        Long.class,
                        settings.batchSize())
                .toArray(Long[]::new);
        if (ids.length == 0) {
            return List.of();
        }
        return jdbc.query(
                "SELECT " + ChainedEvent.COLUMNS + " FROM audit_event e WHERE e.id = ANY (?) ORDER BY e.id",
                ids(ids),
                (rs, row) -> ChainedEvent.read(rs));
    }

    private ChainHead append(ChainHead head, List<ChainedEvent> events) {
        List<Object[]> entries = new ArrayList<>(events.size());
        long seq = head.seq();
        String chainHash = head.chainHash();
        for (ChainedEvent event : events) {
            String entryHash = event.entryHash();
            chainHash = ChainHashes.chain(chainHash, entryHash);
            entries.add(new Object[] {++seq, event.id(), entryHash, chainHash});
        }
        jdbc.batchUpdate(
                "INSERT INTO audit_chain (seq, event_id, entry_hash, chain_hash) VALUES (?, ?, ?, ?)", entries);
        // One statement for the batch: a delete per event was as many statements as the batch has events, each
        // of which PostgreSQL may plan as a scan of the whole queue while the queue is small.
        Long[] chained = events.stream().map(ChainedEvent::id).toArray(Long[]::new);
        jdbc.update("DELETE FROM audit_pending WHERE event_id = ANY (?)", ids(chained));
        return new ChainHead(seq, chainHash);
    }

    /** Event ids as the one array parameter of {@code = ANY (?)}. */
    private static PreparedStatementSetter ids(Long[] ids) {
        return statement -> statement.setArray(1, statement.getConnection().createArrayOf("BIGINT", ids));
    }

    private boolean checkpointDue(ChainHead head, Optional<Checkpointed> last) {
        if (last.isEmpty()) {
            return true;
        }
        return head.seq() - last.get().seq() >= settings.checkpointEvery()
                || !clock.instant().isBefore(last.get().signedAt().plus(settings.checkpointInterval()));
    }

    private void checkpoint(ChainHead head) {
        CheckpointStatement statement = new CheckpointStatement(
                head.seq(), head.chainHash(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        SigningKey signer = keys.checkpointSigning();
        String signed = jose.sign(statement.json(), signer);
        jdbc.update(
                """
                INSERT INTO audit_checkpoint (seq, chain_hash, signed_at, signer_certificate, statement)
                VALUES (?, ?, ?, ?, ?)""",
                statement.seq(),
                statement.chainHash(),
                statement.signedAt().atOffset(ZoneOffset.UTC),
                Certificates.fingerprint(signer.certificate()),
                signed);
    }

    /** The chain must still reach the last checkpoint with the hash signed there. */
    private boolean reachesCheckpoint(ChainHead head, Checkpointed last) {
        String atCheckpoint = head.seq() == last.seq()
                ? head.chainHash()
                : jdbc
                        .query(
                                "SELECT chain_hash FROM audit_chain WHERE seq = ?",
                                (rs, row) -> rs.getString(1),
                                last.seq())
                        .stream()
                        .findFirst()
                        .orElse(null);
        if (head.seq() < last.seq() || !last.chainHash().equals(atCheckpoint)) {
            String complaint = last.seq() + "/" + head.seq() + "/" + atCheckpoint;
            if (complaint.equals(lastComplaint)) {
                return false;
            }
            lastComplaint = complaint;
            log.error(
                    "audit chain damaged: checkpoint at entry {} signed {}, the chain now ends at {} with {} there;"
                            + " events stay queued, nothing is chained until an auditor has verified the trail",
                    last.seq(),
                    last.chainHash(),
                    head.seq(),
                    atCheckpoint);
            return false;
        }
        return true;
    }

    private boolean lock(boolean wait) {
        return !jdbc.queryForList(
                        "SELECT id FROM audit_head WHERE id = 1 FOR UPDATE" + (wait ? "" : " SKIP LOCKED"),
                        Integer.class)
                .isEmpty();
    }

    private Optional<Checkpointed> lastCheckpoint() {
        return jdbc
                .query(
                        "SELECT seq, chain_hash, signed_at FROM audit_checkpoint ORDER BY seq DESC LIMIT 1",
                        (rs, row) -> new Checkpointed(
                                rs.getLong("seq"),
                                rs.getString("chain_hash"),
                                rs.getObject("signed_at", OffsetDateTime.class).toInstant()))
                .stream()
                .findFirst();
    }

    private record Checkpointed(long seq, String chainHash, Instant signedAt) {}
}
