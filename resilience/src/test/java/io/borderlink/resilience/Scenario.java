package io.borderlink.resilience;

import io.borderlink.gateway.support.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One resilience run: its own folder under target/resilience (logs, the partner's record), its own
 * database on the shared embedded PostgreSQL, its own Hazelcast cluster name, and the processes it started,
 * which {@link #close} ends.
 */
final class Scenario implements AutoCloseable {

    static final Path GATEWAY_JAR = Path.of(System.getProperty("borderlink.gateway.jar"));
    static final Path TARGET = Path.of(System.getProperty("borderlink.resilience.target"));

    final String name;
    final Path folder;
    final String databaseUrl;
    final String clusterName;
    private final List<Process> processes = new ArrayList<>();

    Scenario(String name) {
        this.name = name;
        this.folder = TARGET.resolve("resilience").resolve(name);
        this.databaseUrl = TestPostgres.shared().createDatabase(name);
        this.clusterName = "resilience-" + name + "-" + UUID.randomUUID();
        // A folder left by an earlier build would hand this run stale documents and another run's record.
        try (Stream<Path> earlier = Files.exists(folder) ? Files.walk(folder) : Stream.empty()) {
            for (Path path : earlier.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code java -jar borderlink-gateway.jar arguments…} from the repository root, output to a log. */
    Process java(String log, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                // Quicker start-up on a small, shared machine; these runs are about correctness, not speed.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                GATEWAY_JAR.toString()));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(
                            ProcessBuilder.Redirect.appendTo(folder.resolve(log).toFile()))
                    .start();
            processes.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection(
                databaseUrl,
                TestPostgres.shared().username(),
                TestPostgres.shared().password());
    }

    /** The first column of every row the query answers, as text. */
    List<String> query(String sql) throws SQLException {
        try (Connection database = database();
                Statement statement = database.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    int count(String sql) throws SQLException {
        return Integer.parseInt(query(sql).get(0));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.destroyForcibly();
        }
        for (Process process : processes) {
            process.onExit().join();
        }
    }
}
