package io.borderlink.gateway.exchange;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.EnvelopeEncryption;
import io.borderlink.gateway.audit.KeptDocuments;
import io.borderlink.gateway.labels.LabelIntake;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Documents kept as evidence, named by their SHA-256 and referenced from the audit trail by it. Every
 * document is sealed (AES-256-GCM) with its exchange's data key ({@link DataKeys}) before it reaches the
 * database; its digest stays over the plaintext, so the audit trail and bundle verification do not change.
 */
@Component
public class EvidenceStore implements KeptDocuments {

    private static final String COLUMNS = "kind, recipient_id, digest, media_type, content, sealed, created_at";

    private static final String INSERT =
            """
            INSERT INTO evidence (exchange_id, kind, recipient_id, digest, media_type, content, sealed, created_at)
            VALUES (?, ?, ?, ?, ?, ?, TRUE, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final DataKeys keys;
    private final EnvelopeEncryption envelope;
    private final LabelIntake labels;

    EvidenceStore(
            JdbcClient jdbc, JdbcTemplate batches, DataKeys keys, EnvelopeEncryption envelope, LabelIntake labels) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.keys = keys;
        this.envelope = envelope;
        this.labels = labels;
    }

    /** One document to keep, for {@link #store(UUID, List)}. */
    public record Kept(
            EvidenceKind kind, String recipientId, String digest, byte[] content, String mediaType, Instant at) {}

    public void store(
            UUID exchangeId, EvidenceKind kind, String recipientId, String digest, byte[] content, Instant at) {
        store(exchangeId, kind, recipientId, digest, content, "application/xml", at);
    }

    public void store(
            UUID exchangeId,
            EvidenceKind kind,
            String recipientId,
            String digest,
            byte[] content,
            String mediaType,
            Instant at) {
        store(exchangeId, List.of(new Kept(kind, recipientId, digest, content, mediaType, at)));
    }

    /**
     * Keeps several documents of one exchange, in their order, in the caller's transaction: the data key is
     * looked up (or made) and unwrapped once, and the rows go in as one batch. A step that keeps several
     * documents (intake, a delivery) uses this rather than one call each.
     */
    public void store(UUID exchangeId, List<Kept> documents) {
        if (!documents.isEmpty()) {
            insert(exchangeId, keys.forWriting(exchangeId), documents);
        }
    }

    /**
     * The first documents of an exchange whose row the caller's transaction has just inserted: its data key is
     * made at once rather than looked up first (a key for an id that was never stored cannot exist; if one did,
     * its insert would fail the transaction).
     */
    void storeFirst(UUID exchangeId, List<Kept> documents) {
        insert(exchangeId, keys.forNewExchange(exchangeId), documents);
    }

    private void insert(UUID exchangeId, SecretKey key, List<Kept> documents) {
        List<Object[]> rows = documents.stream()
                .map(d -> new Object[] {
                    exchangeId,
                    d.kind().name(),
                    d.recipientId(),
                    d.digest(),
                    d.mediaType(),
                    envelope.seal(key, d.content(), context(exchangeId, d.kind().name(), d.recipientId(), d.digest())),
                    d.at().atOffset(ZoneOffset.UTC)
                })
                .toList();
        batches.batchUpdate(INSERT, rows);
    }

    /** The exchange's own document of a kind (the protected or the signed original). */
    public Optional<byte[]> original(UUID exchangeId, EvidenceKind kind) {
        return jdbc
                .sql("SELECT " + COLUMNS
                        + " FROM evidence WHERE exchange_id = ? AND kind = ? AND recipient_id IS NULL ORDER BY id")
                .params(exchangeId, kind.name())
                .query((rs, row) -> read(exchangeId, rs))
                .list()
                .stream()
                .findFirst()
                .map(Document::content);
    }

    /**
     * The exchange as its originator signed it, as the policy reads it (with the markings of its label, if a
     * label stood in for them); missing only if the store is damaged.
     */
    public Exchange signedOriginal(UUID exchangeId) {
        byte[] signed = original(exchangeId, EvidenceKind.SIGNED_ORIGINAL)
                .orElseThrow(() ->
                        new GatewayException(ErrorCode.INTERNAL_ERROR, "original of " + exchangeId + " is missing"));
        return labels.read(SecureXml.parse(signed));
    }

    /** The view a recipient's share was decided on, as delivery translates it; missing only if the store is damaged. */
    public Exchange partnerView(UUID exchangeId, String recipientId) {
        byte[] view = find(exchangeId, EvidenceKind.PARTNER_VIEW, recipientId)
                .orElseThrow(() -> new GatewayException(
                        ErrorCode.INTERNAL_ERROR,
                        "partner view for " + recipientId + " of " + exchangeId + " is missing"));
        return ExchangeXml.read(SecureXml.parse(view));
    }

    /** The latest document of a kind kept for one recipient's share of an exchange. */
    public Optional<byte[]> find(UUID exchangeId, EvidenceKind kind, String recipientId) {
        return jdbc
                .sql("SELECT " + COLUMNS
                        + " FROM evidence WHERE exchange_id = ? AND kind = ? AND recipient_id = ? ORDER BY id DESC")
                .params(exchangeId, kind.name(), recipientId)
                .query((rs, row) -> read(exchangeId, rs))
                .list()
                .stream()
                .findFirst()
                .map(Document::content);
    }

    @Override
    public List<Document> documents(UUID exchangeId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evidence WHERE exchange_id = ? ORDER BY id")
                .param(exchangeId)
                .query((rs, row) -> read(exchangeId, rs))
                .list();
    }

    /** What is kept for the exchange, without opening it: kind, recipient, digest, type, time; no content. */
    public List<Document> inventory(UUID exchangeId) {
        return jdbc.sql(
                        """
                        SELECT kind, recipient_id, digest, media_type, created_at
                        FROM evidence WHERE exchange_id = ? ORDER BY id""")
                .param(exchangeId)
                .query((rs, row) -> new Document(
                        rs.getString("kind"),
                        rs.getString("recipient_id"),
                        rs.getString("digest").stripTrailing(),
                        rs.getString("media_type"),
                        null,
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * Deletes every document of the exchange and destroys its data key, in the caller's transaction: even a
     * copy of the rows left in a backup cannot be opened any more. Answers the number of documents deleted.
     */
    public int purge(UUID exchangeId) {
        int deleted = jdbc.sql("DELETE FROM evidence WHERE exchange_id = ?")
                .param(exchangeId)
                .update();
        keys.destroy(exchangeId);
        return deleted;
    }

    private Document read(UUID exchangeId, ResultSet rs) throws SQLException {
        String kind = rs.getString("kind");
        String recipientId = rs.getString("recipient_id");
        String digest = rs.getString("digest").stripTrailing();
        byte[] content = rs.getBytes("content");
        if (rs.getBoolean("sealed")) {
            SecretKey key = keys.forReading(exchangeId);
            content = envelope.open(key, content, context(exchangeId, kind, recipientId, digest));
        }
        return new Document(
                kind,
                recipientId,
                digest,
                rs.getString("media_type"),
                content,
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    /** A sealed document opens only as the row it was written as: same exchange, kind, recipient and digest. */
    private static byte[] context(UUID exchangeId, String kind, String recipientId, String digest) {
        return String.join("\n", exchangeId.toString(), kind, String.valueOf(recipientId), digest)
                .getBytes(StandardCharsets.UTF_8);
    }
}
