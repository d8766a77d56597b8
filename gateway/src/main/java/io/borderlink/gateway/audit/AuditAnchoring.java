package io.borderlink.gateway.audit;

import io.borderlink.contracts.error.GatewayException;
import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.TimeStamps;
import io.borderlink.crypto.TimeStamps.TimeStamp;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Anchors the newest checkpoint outside the gateway with an RFC 3161 time-stamp over its signed
 * statement. The newest is enough: its chain hash commits to every entry before it. The TSA is called
 * outside any transaction, so a slow TSA never holds up the sequencer; when two nodes anchor the same
 * checkpoint, the primary key keeps the first token.
 */
@Component("auditAnchoring")
public class AuditAnchoring {

    private static final Logger log = LoggerFactory.getLogger(AuditAnchoring.class);

    private final JdbcTemplate jdbc;
    private final AuditSettings settings;
    private final TimeStamps tsa;

    AuditAnchoring(JdbcTemplate jdbc, AuditSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.tsa = settings.tsaUrl() == null
                ? null
                : new TimeStamps(
                        settings.tsaUrl(),
                        Certificates.readCertificate(settings.tsaCertificate()),
                        settings.tsaTimeout());
    }

    /** Time-stamps the newest checkpoint unless it has a token already; does nothing without a TSA. */
    public void anchorNewest() {
        if (tsa == null) {
            return;
        }
        List<Unanchored> newest = jdbc.query(
                """
                SELECT k.id, k.statement FROM audit_checkpoint k
                WHERE k.seq = (SELECT max(seq) FROM audit_checkpoint)
                  AND NOT EXISTS (SELECT 1 FROM audit_anchor a WHERE a.checkpoint_id = k.id)""",
                (rs, row) -> new Unanchored(rs.getLong("id"), rs.getString("statement")));
        for (Unanchored checkpoint : newest) {
            try {
                TimeStamp stamp = tsa.stamp(checkpoint.statement().getBytes(StandardCharsets.US_ASCII));
                jdbc.update(
                        "INSERT INTO audit_anchor (checkpoint_id, tsa, stamped_at, token) VALUES (?, ?, ?, ?)",
                        checkpoint.id(),
                        settings.tsaUrl().toString(),
                        stamp.time().atOffset(ZoneOffset.UTC),
                        stamp.token());
            } catch (DuplicateKeyException e) {
                log.debug("checkpoint {} was anchored by another node meanwhile", checkpoint.id());
            } catch (GatewayException e) {
                log.warn("checkpoint {} could not be time-stamped, will retry: {}", checkpoint.id(), e.getMessage());
            }
        }
    }

    private record Unanchored(long id, String statement) {}
}
