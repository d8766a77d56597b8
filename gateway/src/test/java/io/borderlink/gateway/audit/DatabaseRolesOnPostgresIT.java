package io.borderlink.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderlink.gateway.BorderlinkApplication;
import io.borderlink.testkit.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database roles of deploy/database.sql, run as written on a real PostgreSQL: the gateway migrates as the
 * owner and runs as the application role, which can append to the audit trail but cannot switch its triggers
 * off, drop or alter its tables, or drop the triggers.
 */
class DatabaseRolesOnPostgresIT {

    private static final String SUFFIX = "_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
    private static final String OWNER = "borderlink_owner" + SUFFIX;
    private static final String APP = "borderlink_app" + SUFFIX;
    private static final String DATABASE = "borderlink" + SUFFIX;

    private static ConfigurableApplicationContext gateway;

    @BeforeAll
    static void gatewayAsTheApplicationRole() throws Exception {
        TestPostgres postgres = TestPostgres.shared();
        runDeployScript(postgres);
        String url = postgres.jdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + DATABASE + "$1");
        gateway = new SpringApplicationBuilder(BorderlinkApplication.class)
                .profiles("dev", "test")
                .run(
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + APP,
                        "--spring.datasource.password=app",
                        "--spring.flyway.user=" + OWNER,
                        "--spring.flyway.password=owner",
                        "--server.port=0",
                        "--borderlink.cluster.node-id=roles");
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void theApplicationRoleAppendsToTheTrail() {
        gateway.getBean(AuditTrail.class).record(AuditEvent.ok(AuditStep.RECEIVE, UUID.randomUUID()));

        assertThat(app().queryForObject("SELECT current_user", String.class)).isEqualTo(APP);
        assertThat(app().queryForObject("SELECT count(*) FROM audit_event", Long.class))
                .isPositive();
    }

    @Test
    void theApplicationRoleCannotSwitchOffOrRemoveWhatGuardsTheTrail() {
        JdbcTemplate app = app();

        assertThatThrownBy(() -> app.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only"))
                .hasStackTraceContaining("must be owner");
        assertThatThrownBy(() -> app.execute("ALTER TABLE audit_event DISABLE TRIGGER ALL"))
                .hasStackTraceContaining("must be owner");
        assertThatThrownBy(() -> app.execute("DROP TRIGGER audit_event_append_only ON audit_event"))
                .hasStackTraceContaining("must be owner");
        assertThatThrownBy(() -> app.execute("ALTER TABLE audit_event DROP COLUMN detail"))
                .hasStackTraceContaining("must be owner");
        assertThatThrownBy(() -> app.execute("DROP TABLE audit_chain")).hasStackTraceContaining("must be owner");
        assertThatThrownBy(() -> app.execute("SET session_replication_role = replica"))
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> app.update("DELETE FROM audit_event"))
                .hasStackTraceContaining("audit rows are append-only");
    }

    private static JdbcTemplate app() {
        return gateway.getBean(JdbcTemplate.class);
    }

    /** deploy/database.sql with its psql variables filled in and its names made unique to this run. */
    private static void runDeployScript(TestPostgres postgres) throws IOException, SQLException {
        String script = Files.readString(Path.of("deploy/database.sql"))
                .replace(":'owner_password'", "'owner'")
                .replace(":'app_password'", "'app'")
                .replace("borderlink_owner", OWNER)
                .replace("borderlink_app", APP)
                .replace("DATABASE borderlink ", "DATABASE " + DATABASE + " ")
                .replace("\\connect borderlink", "\\connect " + DATABASE);
        String url = postgres.jdbcUrl();
        List<String> statements = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        for (String line : script.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.startsWith("\\connect ")) {
                statements.add(trimmed);
                continue;
            }
            statement.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                statements.add(statement.toString());
                statement.setLength(0);
            }
        }
        Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
        try {
            for (String sql : statements) {
                if (sql.startsWith("\\connect ")) {
                    connection.close();
                    String database = sql.substring("\\connect ".length()).trim();
                    connection = DriverManager.getConnection(
                            url.replaceFirst("/postgres(\\?|$)", "/" + database + "$1"),
                            postgres.username(),
                            postgres.password());
                    continue;
                }
                try (Statement run = connection.createStatement()) {
                    run.execute(sql);
                }
            }
        } finally {
            connection.close();
        }
    }
}
