package io.borderlink.gateway.audit;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** For tests that need the trail to start empty in a context other tests have written to. */
final class AuditTables {

    private AuditTables() {}

    static void empty(JdbcTemplate jdbc) {
        jdbc.execute("SET REFERENTIAL_INTEGRITY TRUE");
        for (String table :
                List.of("audit_anchor", "audit_checkpoint", "audit_chain", "audit_pending", "audit_event")) {
            jdbc.update("DELETE FROM " + table);
        }
    }
}
