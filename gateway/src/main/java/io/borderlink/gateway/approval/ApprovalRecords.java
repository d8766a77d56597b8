package io.borderlink.gateway.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.crypto.JoseCrypto;
import io.borderlink.gateway.pki.GatewayKeys;
import io.borderlink.gateway.security.Caller;
import io.borderlink.gateway.share.Share;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Officers' decisions on held shares, the one writer of the {@code approval} table. Each decision is bound
 * to the partner view (its digest) and policy version it was given for and carries a statement the
 * gateway signs on the officer's behalf; the table's unique constraint counts one officer once per view,
 * whatever nodes or caches say.
 */
@Component
class ApprovalRecords {

    private final JdbcClient jdbc;
    private final JoseCrypto jose;
    private final GatewayKeys keys;
    private final ObjectMapper json;
    private final Clock clock;

    ApprovalRecords(JdbcClient jdbc, JoseCrypto jose, GatewayKeys keys, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.jose = jose;
        this.keys = keys;
        // Sorted keys: the signed statement is the same bytes for the same decision.
        this.json = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        this.clock = clock;
    }

    enum Verdict {
        APPROVE,
        REJECT
    }

    /** Records the officer's verdict on the share's current view, with the statement the gateway signs. */
    void record(Share share, Caller officer, String reason, Verdict verdict) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("share", share.shareId().toString());
        statement.put("exchange", share.exchangeId().toString());
        statement.put("partner", share.recipientId());
        statement.put("viewDigest", share.viewDigest());
        statement.put("policyVersion", share.policyVersion());
        statement.put("verdict", verdict.name());
        statement.put("reason", reason);
        statement.put("officer", officer.id());
        statement.put("officerCertificate", officer.certificate());
        statement.put("decidedAt", at.toString());
        String signed = jose.sign(bytes(statement), keys.signing());
        jdbc.sql(
                        """
                        INSERT INTO approval (share_id, view_digest, policy_version, officer, officer_certificate, verdict,
                                              reason, decided_at, statement)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        share.shareId(),
                        share.viewDigest(),
                        share.policyVersion(),
                        officer.id(),
                        officer.certificate(),
                        verdict.name(),
                        reason,
                        at.atOffset(ZoneOffset.UTC),
                        signed)
                .update();
    }

    boolean alreadyDecided(UUID shareId, String digest, String officer) {
        return jdbc.sql("SELECT count(*) FROM approval WHERE share_id = ? AND view_digest = ? AND officer = ?")
                        .params(shareId, digest, officer)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Approvals given for this view of the share. */
    int approvals(UUID shareId, String digest) {
        return jdbc.sql("SELECT count(*) FROM approval WHERE share_id = ? AND view_digest = ? AND verdict = 'APPROVE'")
                .params(shareId, digest)
                .query(Integer.class)
                .single();
    }

    /** Every decision on the share, oldest first, marked current when it was for {@code currentDigest}. */
    List<ApprovalTask.Decided> decisions(UUID shareId, String currentDigest) {
        return jdbc.sql(
                        """
                        SELECT officer, verdict, reason, decided_at, view_digest, officer_certificate
                        FROM approval WHERE share_id = ? ORDER BY id""")
                .param(shareId)
                .query((rs, row) -> new ApprovalTask.Decided(
                        rs.getString("officer"),
                        rs.getString("verdict"),
                        rs.getString("reason"),
                        rs.getObject("decided_at", OffsetDateTime.class).toInstant(),
                        rs.getString("officer_certificate"),
                        currentDigest.equals(rs.getString("view_digest"))))
                .list();
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new GatewayException(ErrorCode.INTERNAL_ERROR, "statement cannot be written", e);
        }
    }
}
