package io.borderlink.gateway.retention;

import io.borderlink.crypto.Digests;
import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditEvent.Outcome;
import io.borderlink.gateway.audit.AuditStep;
import io.borderlink.gateway.audit.AuditTrail;
import io.borderlink.gateway.audit.KeptDocuments;
import io.borderlink.gateway.exchange.EvidenceStore;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The leader's purge: each exchange whose retention ran out loses its evidence rows and its data key
 * (crypto-shredding: a copy of the rows in a backup opens no more), in one transaction with the
 * {@code exchange_purge} row and the {@code PURGED} audit event that say what was destroyed, under which
 * rule, and the digests of what it was. The exchange row, its shares and the audit chain stay. The one
 * writer of {@code exchange_purge}.
 */
@Component("purges")
public class Purges {

    private static final Logger log = LoggerFactory.getLogger(Purges.class);
    private static final int DETAIL = 2000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RetentionSchedule schedule;
    private final RetentionSettings settings;
    private final EvidenceStore evidence;
    private final AuditTrail audit;
    private final Clock clock;

    Purges(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            RetentionSchedule schedule,
            RetentionSettings settings,
            EvidenceStore evidence,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.schedule = schedule;
        this.settings = settings;
        this.evidence = evidence;
        this.audit = audit;
        this.clock = clock;
    }

    /** A purge on record: what was destroyed, when and why. */
    public record Purge(UUID exchangeId, String ruleId, Instant purgedAt, int documents, String inventory) {}

    /** Purges up to a batch of exchanges whose retention has run out; answers how many. */
    public int purgeExpired() {
        if (!settings.enabled()) {
            return 0;
        }
        Instant now = clock.instant();
        int purged = 0;
        for (RetentionSchedule.Due due : schedule.dueBy(now, settings.batchSize())) {
            if (due.purgeable(now)
                    && Boolean.TRUE.equals(transactions.execute(status -> purge(due.exchangeId(), now)))) {
                purged++;
            }
        }
        if (purged > 0) {
            log.info("retention purged the evidence of {} exchange(s)", purged);
        }
        return purged;
    }

    public Optional<Purge> find(UUID exchangeId) {
        return jdbc.sql(
                        "SELECT exchange_id, rule_id, purged_at, documents, inventory FROM exchange_purge WHERE exchange_id = ?")
                .param(exchangeId)
                .query((rs, row) -> purge(rs))
                .optional();
    }

    public List<Purge> recent(int count) {
        return jdbc.sql(
                        """
                        SELECT exchange_id, rule_id, purged_at, documents, inventory FROM exchange_purge
                        ORDER BY purged_at DESC FETCH FIRST ? ROWS ONLY""")
                .param(count)
                .query((rs, row) -> purge(rs))
                .list();
    }

    private boolean purge(UUID exchangeId, Instant now) {
        // The exchange row is the lock a legal hold takes too: a hold set meanwhile waits, then sees the purge,
        // or is committed first and seen here.
        jdbc.sql("SELECT id FROM exchange WHERE id = ? FOR UPDATE")
                .param(exchangeId)
                .query(UUID.class)
                .single();
        Optional<RetentionSchedule.Due> due = schedule.dueNow(exchangeId, now);
        if (due.isEmpty() || find(exchangeId).isPresent()) {
            return false;
        }
        List<KeptDocuments.Document> destroyed = evidence.inventory(exchangeId);
        String inventory = destroyed.stream()
                .map(d -> d.kind() + " " + (d.recipientId() == null ? "-" : d.recipientId()) + " " + d.digest())
                .collect(Collectors.joining("\n"));
        int documents = evidence.purge(exchangeId);
        String rule = due.get().ruleId();
        jdbc.sql(
                        """
                        INSERT INTO exchange_purge (exchange_id, rule_id, purged_at, documents, inventory)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(exchangeId, rule, now.atOffset(ZoneOffset.UTC), documents, inventory)
                .update();
        String detail = "purged under rule " + rule + " (due " + due.get().purgeAt() + "): " + documents
                + " documents and the data key destroyed: " + inventory.replace('\n', ';');
        audit.record(AuditEvent.of(AuditStep.PURGED, Outcome.OK)
                .exchange(exchangeId)
                .actor("gateway", null)
                .digest(Digests.sha256(inventory.getBytes(StandardCharsets.UTF_8)))
                .detail(detail.length() > DETAIL ? detail.substring(0, DETAIL - 1) + "…" : detail));
        return true;
    }

    private static Purge purge(ResultSet rs) throws SQLException {
        return new Purge(
                rs.getObject("exchange_id", UUID.class),
                rs.getString("rule_id"),
                rs.getObject("purged_at", OffsetDateTime.class).toInstant(),
                rs.getInt("documents"),
                rs.getString("inventory"));
    }
}
