package io.borderlink.gateway.filedrop;

import io.borderlink.adapters.filedrop.DropDocuments.FileEntry;
import io.borderlink.adapters.filedrop.DropNames;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one writer of the file-drop tables (docs/air-gap.md): the numbers the gateway gives the files it writes
 * for each recipient ({@code drop_export}), what each number of a sender's files brought ({@code
 * drop_import}), and what its signed manifests announce ({@code drop_announced}).
 */
@Component
public class DropLedger {

    private static final int ALLOCATION_ATTEMPTS = 20;

    private final JdbcClient jdbc;

    DropLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A number given to a file for a recipient, with its name and, once written, its digest. */
    public record Numbered(long sequence, String name, String digest) {}

    /** The number of the share's message file: the one it got before, or the recipient's next. */
    public Numbered messageNumber(String recipientId, UUID shareId, String extension) {
        return find("share_id = ?", recipientId, shareId)
                .orElseGet(() -> allocate(
                        recipientId,
                        seq -> DropNames.message(seq, extension),
                        "MESSAGE",
                        shareId,
                        null,
                        () -> find("share_id = ?", recipientId, shareId)));
    }

    /** The number of the receipt for the recipient's own file {@code answered}: the one it got before, or the next. */
    public Numbered receiptNumber(String recipientId, long answered) {
        return find("receipt_for = ?", recipientId, answered)
                .orElseGet(() -> allocate(
                        recipientId,
                        DropNames::receipt,
                        "RECEIPT",
                        null,
                        answered,
                        () -> find("receipt_for = ?", recipientId, answered)));
    }

    public void written(String recipientId, long sequence, String digest, Instant at) {
        jdbc.sql("UPDATE drop_export SET digest = ?, written_at = ? WHERE recipient_id = ? AND seq = ?")
                .params(digest, utc(at), recipientId, sequence)
                .update();
    }

    /**
     * The files written for a recipient that no manifest lists yet, from the one after the last listed, as long
     * as the numbers follow on: a number given but not yet written ends the batch, so no manifest announces a
     * gap that is only a file still on its way.
     */
    public List<FileEntry> unlisted(String recipientId) {
        long listed = jdbc.sql(
                        "SELECT COALESCE(MAX(seq), 0) FROM drop_export WHERE recipient_id = ? AND manifest IS NOT NULL")
                .param(recipientId)
                .query(Long.class)
                .single();
        List<FileEntry> batch = new ArrayList<>();
        for (FileEntry file : jdbc.sql(
                        """
                        SELECT seq, file_name, digest FROM drop_export WHERE recipient_id = ? AND seq > ?
                        ORDER BY seq""")
                .params(recipientId, listed)
                .query((rs, row) -> new FileEntry(rs.getLong("seq"), rs.getString("file_name"), rs.getString("digest")))
                .list()) {
            if (file.digest() == null || file.sequence() != listed + batch.size() + 1) {
                break;
            }
            batch.add(file);
        }
        return batch;
    }

    public void listed(String recipientId, long first, long last, String manifest) {
        jdbc.sql("UPDATE drop_export SET manifest = ? WHERE recipient_id = ? AND seq BETWEEN ? AND ?")
                .params(manifest, recipientId, first, last)
                .update();
    }

    /** A message file written for the recipient, by its number: the share it carries and its digest. */
    public record Exported(UUID shareId, String name, String digest) {}

    public Optional<Exported> exported(String recipientId, long sequence) {
        return jdbc.sql(
                        """
                        SELECT share_id, file_name, digest FROM drop_export
                        WHERE recipient_id = ? AND seq = ? AND kind = 'MESSAGE'""")
                .params(recipientId, sequence)
                .query((rs, row) -> new Exported(
                        rs.getObject("share_id", UUID.class), rs.getString("file_name"), rs.getString("digest")))
                .optional();
    }

    /** What a number of the sender's sequence brought before. */
    public record Imported(String digest, String messageId, boolean quarantined) {}

    public Optional<Imported> imported(String senderId, long sequence) {
        return jdbc.sql("SELECT digest, message_id, outcome FROM drop_import WHERE sender_id = ? AND seq = ?")
                .params(senderId, sequence)
                .query((rs, row) -> new Imported(
                        rs.getString("digest"),
                        rs.getString("message_id"),
                        "QUARANTINED".equals(rs.getString("outcome"))))
                .optional();
    }

    /**
     * Records what a number brought: IMPORTED, or QUARANTINED with the code of why. A file imported after one of
     * the same number was quarantined takes its place.
     */
    public void recordImport(
            String senderId,
            DropNames.Parsed name,
            String digest,
            String messageId,
            String quarantinedWith,
            Instant at) {
        String outcome = quarantinedWith == null ? "IMPORTED" : "QUARANTINED";
        int replaced = jdbc.sql(
                        """
                        UPDATE drop_import SET kind = ?, digest = ?, message_id = ?, outcome = ?, code = ?, imported_at = ?
                        WHERE sender_id = ? AND seq = ? AND outcome = 'QUARANTINED'""")
                .params(
                        name.kind().name(),
                        digest,
                        messageId,
                        outcome,
                        quarantinedWith,
                        utc(at),
                        senderId,
                        name.first())
                .update();
        if (replaced == 0) {
            jdbc.sql(
                            """
                            INSERT INTO drop_import (sender_id, seq, kind, digest, message_id, outcome, code, imported_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            senderId,
                            name.first(),
                            name.kind().name(),
                            digest,
                            messageId,
                            outcome,
                            quarantinedWith,
                            utc(at))
                    .update();
        }
    }

    /** The highest number of the sender's sequence that arrived, whatever became of it; 0 before the first. */
    public long highestArrived(String senderId) {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM drop_import WHERE sender_id = ?")
                .param(senderId)
                .query(Long.class)
                .single();
    }

    /** Remembers what a verified manifest announces; a later manifest for the same number replaces the earlier. */
    public void announce(String senderId, List<FileEntry> files, String manifest) {
        for (FileEntry file : files) {
            int updated = jdbc.sql("UPDATE drop_announced SET digest = ?, manifest = ? WHERE sender_id = ? AND seq = ?")
                    .params(file.digest(), manifest, senderId, file.sequence())
                    .update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO drop_announced (sender_id, seq, digest, manifest) VALUES (?, ?, ?, ?)")
                        .params(senderId, file.sequence(), file.digest(), manifest)
                        .update();
            }
        }
    }

    /** The digest a manifest announced for the number, with the manifest's name. */
    public record Announced(String digest, String manifest) {}

    public Optional<Announced> announced(String senderId, long sequence) {
        return jdbc.sql("SELECT digest, manifest FROM drop_announced WHERE sender_id = ? AND seq = ?")
                .params(senderId, sequence)
                .query((rs, row) -> new Announced(rs.getString("digest"), rs.getString("manifest")))
                .optional();
    }

    /** Where a sender's sequence stands: what arrived, what is missing below it, what was quarantined. */
    public DropStatus.Incoming incoming(String senderId) {
        long arrived = highestArrived(senderId);
        long announced = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM drop_announced WHERE sender_id = ?")
                .param(senderId)
                .query(Long.class)
                .single();
        long highest = Math.max(arrived, announced);
        List<Long> present = jdbc.sql("SELECT seq FROM drop_import WHERE sender_id = ? ORDER BY seq")
                .param(senderId)
                .query(Long.class)
                .list();
        List<DropStatus.Range> missing = new ArrayList<>();
        long expected = 1;
        for (long seq : present) {
            if (seq > expected) {
                missing.add(new DropStatus.Range(expected, seq - 1));
            }
            expected = seq + 1;
        }
        if (expected <= highest) {
            missing.add(new DropStatus.Range(expected, highest));
        }
        List<DropStatus.Quarantined> quarantined = jdbc.sql(
                        """
                        SELECT seq, code, imported_at FROM drop_import
                        WHERE sender_id = ? AND outcome = 'QUARANTINED' ORDER BY seq""")
                .param(senderId)
                .query((rs, row) -> new DropStatus.Quarantined(
                        rs.getLong("seq"),
                        rs.getString("code"),
                        rs.getObject("imported_at", OffsetDateTime.class).toInstant()))
                .list();
        return new DropStatus.Incoming(senderId, arrived, announced, missing, quarantined);
    }

    /** Where the gateway's sequence for a recipient stands: the last number written and the last listed. */
    public DropStatus.Outgoing outgoing(String recipientId) {
        return jdbc.sql(
                        """
                        SELECT COALESCE(MAX(CASE WHEN digest IS NOT NULL THEN seq END), 0) AS written,
                               COALESCE(MAX(CASE WHEN manifest IS NOT NULL THEN seq END), 0) AS listed
                        FROM drop_export WHERE recipient_id = ?""")
                .param(recipientId)
                .query((rs, row) -> new DropStatus.Outgoing(recipientId, rs.getLong("written"), rs.getLong("listed")))
                .single();
    }

    private Optional<Numbered> find(String condition, String recipientId, Object value) {
        return jdbc.sql("SELECT seq, file_name, digest FROM drop_export WHERE recipient_id = ? AND " + condition)
                .params(recipientId, value)
                .query((rs, row) -> new Numbered(rs.getLong("seq"), rs.getString("file_name"), rs.getString("digest")))
                .optional();
    }

    /**
     * The recipient's next number, in one insert; two nodes that take the same one at once collide on the key,
     * and the loser takes the next. When the share (or receipt) got its number meanwhile, that one is it.
     */
    private Numbered allocate(
            String recipientId,
            LongFunction<String> name,
            String kind,
            UUID shareId,
            Long receiptFor,
            Supplier<Optional<Numbered>> existing) {
        for (int attempt = 0; attempt < ALLOCATION_ATTEMPTS; attempt++) {
            long next = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM drop_export WHERE recipient_id = ?")
                    .param(recipientId)
                    .query(Long.class)
                    .single();
            try {
                jdbc.sql(
                                """
                                INSERT INTO drop_export (recipient_id, seq, kind, share_id, receipt_for, file_name)
                                VALUES (?, ?, ?, ?, ?, ?)""")
                        .params(recipientId, next, kind, shareId, receiptFor, name.apply(next))
                        .update();
                return new Numbered(next, name.apply(next), null);
            } catch (DuplicateKeyException e) {
                Optional<Numbered> taken = existing.get();
                if (taken.isPresent()) {
                    return taken.get();
                }
            }
        }
        throw new GatewayException(
                ErrorCode.INTERNAL_ERROR,
                "no free number for " + recipientId + " after " + ALLOCATION_ATTEMPTS + " tries");
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
