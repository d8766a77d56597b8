package io.borderlink.gateway.interpol;

import io.borderlink.adapters.interpol.NoticeType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The notices delivered so far (table {@code interpol_notice}): which version of each the agencies last
 * got, and whether the list still showed it. Only the poller, on the leader, writes it.
 */
@Component
class NoticeLedger {

    /** What the agencies last got of one notice. */
    record Known(String entityId, String digest, NoticeState state, UUID exchangeId) {}

    private final JdbcClient jdbc;

    NoticeLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Known> find(NoticeType type, String entityId) {
        return jdbc.sql(
                        """
                        SELECT entity_id, digest, state, exchange_id FROM interpol_notice
                        WHERE notice_type = ? AND entity_id = ?""")
                .params(type.code(), entityId)
                .query(NoticeLedger::known)
                .optional();
    }

    List<Known> published(NoticeType type) {
        return jdbc.sql(
                        """
                        SELECT entity_id, digest, state, exchange_id FROM interpol_notice
                        WHERE notice_type = ? AND state = ? ORDER BY entity_id""")
                .params(type.code(), NoticeState.PUBLISHED.name())
                .query(NoticeLedger::known)
                .list();
    }

    void record(PolledNotice notice, Instant at) {
        Object[] values = {
            notice.version().digest(),
            notice.state().name(),
            notice.exchange().header().exchangeId(),
            at.atOffset(ZoneOffset.UTC),
            notice.type().code(),
            notice.version().entityId()
        };
        int updated = jdbc.sql(
                        """
                        UPDATE interpol_notice SET digest = ?, state = ?, exchange_id = ?, updated_at = ?
                        WHERE notice_type = ? AND entity_id = ?""")
                .params(values)
                .update();
        if (updated == 0) {
            jdbc.sql(
                            """
                            INSERT INTO interpol_notice (digest, state, exchange_id, updated_at, notice_type, entity_id)
                            VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(values)
                    .update();
        }
    }

    private static Known known(ResultSet rs, int row) throws SQLException {
        return new Known(
                rs.getString("entity_id"),
                rs.getString("digest"),
                NoticeState.valueOf(rs.getString("state")),
                rs.getObject("exchange_id", UUID.class));
    }
}
