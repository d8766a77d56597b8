package io.borderlink.benchmarks;

import io.borderlink.testkit.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The gateway's database in a load run: a file H2 of its own (the default), or a database of its own on
 * the test kit's embedded PostgreSQL (as the tests use it: note that it runs with {@code fsync=off} and
 * {@code synchronous_commit=off}, so commits cost no disk flush there). On PostgreSQL the run also reads
 * {@code pg_stat_database}, to report transactions and rows written per exchange, and {@code pg_stat_statements},
 * to report the statements each node called.
 */
abstract class Database implements AutoCloseable {

    static Database h2(Path file) {
        return new H2(file);
    }

    static Database postgres() {
        return new Postgres(TestPostgres.shared(List.of("shared_preload_libraries=pg_stat_statements")));
    }

    abstract String kind();

    abstract String url();

    abstract List<String> gatewayArguments();

    /**
     * The arguments of a node that logs in as a role of its own ({@link #nodeRoles}), migrations run as the
     * database's owner, as docs/production.md has it.
     */
    List<String> gatewayArguments(NodeRole role) {
        throw new UnsupportedOperationException(kind() + " has no login roles");
    }

    /**
     * One login role per node, {@code count} of them, each a member of the database's owner so that it has the
     * same rights on what the migrations create, and the statements they issue counted per role.
     */
    Statements nodeRoles(int count) {
        throw new UnsupportedOperationException(kind() + " has no login roles");
    }

    /** Whether {@link #nodeRoles} can tell the nodes' statements apart here. */
    boolean countsStatements() {
        return false;
    }

    /** A node's login role. */
    record NodeRole(String name, String password) {}

    /** What the database has done so far, or null where it cannot tell (H2 is locked by the gateway). */
    abstract Counters counters();

    @Override
    public void close() {}

    /** Removes what the run stored, unless the run is to keep it; on PostgreSQL the database goes with the server. */
    void delete() {}

    /** pg_stat_database's cumulative counters for the gateway's database. */
    record Counters(long commits, long rollbacks, long inserted, long updated, long deleted, long returned) {

        Counters minus(Counters before) {
            return new Counters(
                    commits - before.commits,
                    rollbacks - before.rollbacks,
                    inserted - before.inserted,
                    updated - before.updated,
                    deleted - before.deleted,
                    returned - before.returned);
        }
    }

    private static final class H2 extends Database {
        private final Path file;
        private final String url;

        H2(Path file) {
            this.file = file;
            // WRITE_DELAY=0 as the dev profile has it: a commit is on disk before the receipt, as on PostgreSQL.
            this.url = "jdbc:h2:file:" + file.toAbsolutePath()
                    + ";WRITE_DELAY=0;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                    + "QUERY_CACHE_SIZE=64";
        }

        @Override
        String kind() {
            return "H2";
        }

        @Override
        String url() {
            return url;
        }

        @Override
        List<String> gatewayArguments() {
            return List.of("--spring.datasource.url=" + url);
        }

        @Override
        Counters counters() {
            return null;
        }

        /** The database file and its lock and trace files; whatever cannot go is left to the temp cleanup. */
        @Override
        void delete() {
            String name = file.getFileName().toString();
            try (Stream<Path> files = Files.list(file.toAbsolutePath().getParent())) {
                files.filter(f -> f.getFileName().toString().startsWith(name)).forEach(f -> {
                    try {
                        Files.deleteIfExists(f);
                    } catch (IOException e) {
                        // left for the operating system's temp cleanup
                    }
                });
            } catch (IOException e) {
                // ditto
            }
        }
    }

    private static final class Postgres extends Database {
        private final TestPostgres server;
        private final String url;
        private final String name;

        Postgres(TestPostgres server) {
            this.server = server;
            this.url = server.createDatabase("loadgen");
            this.name = url.replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
        }

        @Override
        String kind() {
            return "PostgreSQL";
        }

        @Override
        String url() {
            return url;
        }

        @Override
        List<String> gatewayArguments() {
            return List.of(
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + server.username(),
                    "--spring.datasource.password=" + server.password());
        }

        @Override
        List<String> gatewayArguments(NodeRole role) {
            return List.of(
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + role.name(),
                    "--spring.datasource.password=" + role.password(),
                    "--spring.flyway.user=" + server.username(),
                    "--spring.flyway.password=" + server.password());
        }

        @Override
        boolean countsStatements() {
            return true;
        }

        @Override
        Statements nodeRoles(int count) {
            List<NodeRole> roles = new ArrayList<>();
            try (Connection connection = owner();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                for (int n = 1; n <= count; n++) {
                    // Named after the database, which is unique on the server, as roles are server-wide.
                    NodeRole role =
                            new NodeRole(name + "_node_" + n, UUID.randomUUID().toString());
                    statement.execute("CREATE ROLE \"" + role.name() + "\" LOGIN PASSWORD '" + role.password()
                            + "' IN ROLE \"" + server.username() + "\"");
                    roles.add(role);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot prepare the nodes' roles on " + url, e);
            }
            return new Statements(this::owner, name, roles);
        }

        private Connection owner() throws SQLException {
            Properties credentials = new Properties();
            credentials.setProperty("user", server.username());
            credentials.setProperty("password", server.password());
            return DriverManager.getConnection(url, credentials);
        }

        @Override
        Counters counters() {
            try (Connection connection = owner();
                    PreparedStatement query = connection.prepareStatement(
                            "SELECT xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted, tup_returned"
                                    + " FROM pg_stat_database WHERE datname = ?")) {
                query.setString(1, name);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return new Counters(
                            row.getLong(1),
                            row.getLong(2),
                            row.getLong(3),
                            row.getLong(4),
                            row.getLong(5),
                            row.getLong(6));
                }
            } catch (SQLException e) {
                LoadGenerator.say("cannot read pg_stat_database: %s", e.getMessage());
                return null;
            }
        }

        @Override
        public void close() {
            // The embedded server stops with this JVM (TestPostgres's shutdown hook).
        }
    }
}
