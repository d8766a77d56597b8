package io.borderlink.gateway.exchange;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.gateway.labels.LabelIntake;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Documents kept as evidence, named by their SHA-256 and referenced from the audit trail by it. */
@Component
public class EvidenceStore {

    private final JdbcClient jdbc;
    private final LabelIntake labels;

    EvidenceStore(JdbcClient jdbc, LabelIntake labels) {
        this.jdbc = jdbc;
        this.labels = labels;
    }

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
        jdbc.sql(
                        """
                        INSERT INTO evidence (exchange_id, kind, recipient_id, digest, media_type, content, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(exchangeId, kind.name(), recipientId, digest, mediaType, content, at.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The exchange's own document of a kind (the protected or the signed original). */
    public Optional<byte[]> original(UUID exchangeId, EvidenceKind kind) {
        return jdbc
                .sql(
                        """
                        SELECT content FROM evidence WHERE exchange_id = ? AND kind = ? AND recipient_id IS NULL
                        ORDER BY id""")
                .params(exchangeId, kind.name())
                .query((rs, row) -> rs.getBytes("content"))
                .list()
                .stream()
                .findFirst();
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

    /** The latest document of a kind kept for one recipient's share of an exchange. */
    public Optional<byte[]> find(UUID exchangeId, EvidenceKind kind, String recipientId) {
        return jdbc
                .sql(
                        """
                        SELECT content FROM evidence WHERE exchange_id = ? AND kind = ? AND recipient_id = ?
                        ORDER BY id DESC""")
                .params(exchangeId, kind.name(), recipientId)
                .query((rs, row) -> rs.getBytes("content"))
                .list()
                .stream()
                .findFirst();
    }
}
