package io.borderlink.benchmarks;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What each gateway node asked of the database, from {@code pg_stat_statements}: every node logs in with a
 * role of its own, so the statements' {@code userid} tells the nodes apart. Counted from a reset at a window's
 * start to a read at its end; statements of this generator's own connections (the owner role) are left out.
 * A call is one execution: a JDBC batch of seven rows is seven calls in one round trip. Transaction control
 * and session settings ({@code BEGIN}, {@code COMMIT}, {@code SET}, ...) are left out too: PostgreSQL counts
 * the driver's {@code BEGIN} but only a few of its {@code COMMIT}s (six transactions showed six and one), so
 * transactions are taken from {@code pg_stat_database} instead.
 */
final class Statements {

    /** Calls and rows a role's statements made, summed over every distinct statement. */
    record Counts(long calls, long rows) {}

    /** One normalized statement, summed over the nodes: its text (shortened), calls, rows and execution time. */
    record Top(String query, long calls, long rows, double millis) {}

    private static final String OF_THE_NODES = " FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid"
            + " WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = ?) AND r.rolname::text = ANY (?)"
            + " AND upper(split_part(ltrim(s.query), ' ', 1)) NOT IN"
            + " ('BEGIN', 'START', 'COMMIT', 'END', 'ROLLBACK', 'SAVEPOINT', 'RELEASE', 'SET', 'RESET', 'SHOW')";

    private final Callable<Connection> owner;
    private final String database;
    private final List<Database.NodeRole> roles;

    Statements(Callable<Connection> owner, String database, List<Database.NodeRole> roles) {
        this.owner = owner;
        this.database = database;
        this.roles = List.copyOf(roles);
    }

    /** The nodes' login roles, one per node in order. */
    List<Database.NodeRole> roles() {
        return roles;
    }

    /** Starts a window: forgets everything counted so far (on the whole server, which is the run's own). */
    void reset() {
        try (Connection connection = owner.call();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_statements_reset()");
        } catch (Exception e) {
            LoadGenerator.say("cannot reset pg_stat_statements: %s", e.getMessage());
        }
    }

    /** Per role, in the order the roles were given; an empty map where the view cannot be read. */
    Map<String, Counts> byRole() {
        Map<String, Counts> counts = new LinkedHashMap<>();
        roles.forEach(role -> counts.put(role.name(), new Counts(0, 0)));
        query(
                "SELECT r.rolname::text, sum(s.calls), sum(s.rows)" + OF_THE_NODES + " GROUP BY r.rolname",
                row -> counts.put(row.getString(1), new Counts(row.getLong(2), row.getLong(3))));
        return counts;
    }

    /** The statements the nodes called most often, summed over the nodes. */
    List<Top> top(int limit) {
        List<Top> top = new ArrayList<>();
        query(
                "SELECT min(s.query), sum(s.calls), sum(s.rows), sum(s.total_exec_time)" + OF_THE_NODES
                        + " GROUP BY s.queryid ORDER BY 2 DESC LIMIT " + limit,
                row -> top.add(new Top(shortened(row.getString(1)), row.getLong(2), row.getLong(3), row.getDouble(4))));
        return top;
    }

    private interface Row {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, Row each) {
        try (Connection connection = owner.call();
                PreparedStatement query = connection.prepareStatement(sql)) {
            Array names = connection.createArrayOf(
                    "text", roles.stream().map(Database.NodeRole::name).toArray());
            query.setString(1, database);
            query.setArray(2, names);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    each.read(rows);
                }
            }
        } catch (Exception e) {
            LoadGenerator.say("cannot read pg_stat_statements: %s", e.getMessage());
        }
    }

    private static String shortened(String query) {
        String line = query.replaceAll("\\s+", " ").trim();
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }
}
