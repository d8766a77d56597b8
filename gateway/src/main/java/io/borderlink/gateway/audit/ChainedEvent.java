package io.borderlink.gateway.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

/**
 * An audit event as the chain hashes it: every column of {@code audit_event}, as text. The canonical
 * encoding ({@link #canonical()}, README "Audit trail") is what auditors re-implement, so it is plain:
 * the encoding's name and then each field in a fixed order, each as a 4-byte big-endian length and its
 * UTF-8 bytes, a null as the length {@code 0xFFFFFFFF} and no bytes.
 */
record ChainedEvent(
        long id,
        String occurredAt,
        String node,
        String step,
        String outcome,
        String exchangeId,
        String partnerId,
        String code,
        String actor,
        String actorCertificate,
        String digest,
        String detail) {

    static final String ENCODING = "borderlink-audit-entry-v1";

    /** The columns {@link #read} expects, for queries on {@code audit_event e}. */
    static final String COLUMNS = "e.id, e.occurred_at, e.node, e.step, e.outcome, e.exchange_id, e.partner_id, e.code,"
            + " e.actor, e.actor_certificate, e.digest, e.detail";

    /** UTC with exactly six fractional digits: both databases keep microseconds. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static final int NULL = 0xFFFFFFFF;

    static ChainedEvent read(ResultSet rs) throws SQLException {
        UUID exchange = rs.getObject("exchange_id", UUID.class);
        return new ChainedEvent(
                rs.getLong("id"),
                time(rs.getObject("occurred_at", OffsetDateTime.class).toInstant()),
                rs.getString("node"),
                rs.getString("step"),
                rs.getString("outcome"),
                exchange == null ? null : exchange.toString(),
                rs.getString("partner_id"),
                rs.getString("code"),
                rs.getString("actor"),
                unpadded(rs.getString("actor_certificate")),
                unpadded(rs.getString("digest")),
                rs.getString("detail"));
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    byte[] canonical() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        for (String field : Arrays.asList(
                ENCODING,
                Long.toString(id),
                occurredAt,
                node,
                step,
                outcome,
                exchangeId,
                partnerId,
                code,
                actor,
                actorCertificate,
                digest,
                detail)) {
            if (field == null) {
                out.writeBytes(ByteBuffer.allocate(4).putInt(NULL).array());
            } else {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
                out.writeBytes(bytes);
            }
        }
        return out.toByteArray();
    }

    /** SHA-256 of the canonical encoding, lower-case hex: the entry hash. */
    String entryHash() {
        return HexFormat.of().formatHex(ChainHashes.sha256(canonical()));
    }

    /**
     * Fixed-width columns come back padded with spaces by some drivers; the canonical value never is, so a
     * re-implementation reading another way gets the same bytes.
     */
    private static String unpadded(String value) {
        return value == null ? null : value.stripTrailing();
    }
}
