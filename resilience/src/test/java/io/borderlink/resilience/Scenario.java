package io.borderlink.resilience;

import io.borderlink.testkit.GatewayProcess;
import io.borderlink.testkit.LoopbackPorts;
import io.borderlink.testkit.StubServer;
import io.borderlink.testkit.StubServer.Role;
import io.borderlink.testkit.StubServer.Settings;
import io.borderlink.testkit.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One resilience run: its own folder under target/resilience (documents, logs), its own database (on the
 * shared embedded PostgreSQL, or the development profile's embedded H2 in a file of the run's folder), its
 * own Hazelcast cluster name, and the gateway processes and partner stub it started, which {@link #close}
 * ends.
 */
final class Scenario implements AutoCloseable {

    static final Path TARGET = Path.of(System.getProperty("borderlink.resilience.target"));

    /** The databases the README offers: each keeps what it acknowledged, whatever happens to the process. */
    enum Database {
        POSTGRESQL,
        /**
         * The development profile's own H2 URL (application-dev.yml), with the file moved into the run's folder
         * and AUTO_SERVER on, so that the test can look inside while a gateway holds the file.
         */
        H2
    }

    final String name;
    final Database kind;
    final Path folder;
    final String databaseUrl;
    final String databaseUser;
    final String databasePassword;
    final String clusterName;
    private final List<GatewayProcess> nodes = new ArrayList<>();
    private int minimumMembers = 1;
    private List<String> clusterTiming = List.of();
    private final List<StubServer> stubs = new ArrayList<>();

    Scenario(String name) {
        this(name, Database.POSTGRESQL);
    }

    Scenario(String name, Database kind) {
        this.name = name;
        this.kind = kind;
        this.folder =
                TARGET.resolve("resilience").resolve(name + "-" + kind.name().toLowerCase(Locale.ROOT));
        if (kind == Database.H2) {
            this.databaseUrl =
                    // The test reads the database while the gateway runs (AUTO_SERVER), which H2 cannot combine with
                    // DB_CLOSE_ON_EXIT=FALSE: here H2 closes the file from its own shutdown hook, as it would by
                    // default.
                    developmentH2Url()
                                    .replace("./data/", folder.toAbsolutePath() + "/data/")
                                    .replace(";DB_CLOSE_ON_EXIT=FALSE", "")
                            + ";AUTO_SERVER=TRUE";
            this.databaseUser = "sa";
            this.databasePassword = "";
        } else {
            this.databaseUrl = TestPostgres.shared().createDatabase(name);
            this.databaseUser = TestPostgres.shared().username();
            this.databasePassword = TestPostgres.shared().password();
        }
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

    /**
     * RU-LIAISON, opening every delivery as the partner would (its log in partner-stub.log).
     *
     * @param answerAfter how slow the partner is; a slow one keeps deliveries under way when a node is killed
     */
    StubServer partner(Duration answerAfter) {
        Path log = folder.resolve("partner-stub.log");
        StubServer stub = StubServer.start(
                Role.LIAISON_PARTNER,
                "ru-liaison",
                Settings.defaults().answerAfter(answerAfter).log(line -> append(log, line)));
        stubs.add(stub);
        return stub;
    }

    /**
     * Nodes started from now on count partner rates and lead only while they see {@code minimumMembers} members
     * (a majority), and notice a member gone or back within seconds rather than Hazelcast's default minute and
     * five minutes: heartbeats every second, a member silent for 10 s is gone, split clusters look for each other
     * every 5 s.
     */
    Scenario majorityOf(int minimumMembers) {
        this.minimumMembers = minimumMembers;
        this.clusterTiming = List.of(
                "-Dhazelcast.heartbeat.interval.seconds=1",
                "-Dhazelcast.max.no.heartbeat.seconds=10",
                "-Dhazelcast.merge.first.run.delay.seconds=5",
                "-Dhazelcast.merge.next.run.delay.seconds=5");
        return this;
    }

    /** A gateway node alone in its cluster, delivering to {@code partner}; returns once it is healthy. */
    GatewayProcess node(String node, StubServer partner) {
        int clusterPort = LoopbackPorts.free();
        return node(node, partner, clusterPort, List.of(clusterPort));
    }

    /**
     * @param clusterPort this node's Hazelcast port
     * @param clusterPorts every member's Hazelcast port, this one's included (TCP/IP join on 127.0.0.1)
     */
    GatewayProcess node(String node, StubServer partner, int clusterPort, List<Integer> clusterPorts) {
        return start(node, partner.endpoint(), clusterPort, clusterPorts, List.of())
                .awaitHealthy(Duration.ofMinutes(3));
    }

    /**
     * A node alone in its cluster, delivering to RU-LIAISON at {@code partnerEndpoint} (where nothing may
     * listen), started with {@code more} application arguments; returns once it is healthy.
     */
    GatewayProcess node(String node, String partnerEndpoint, List<String> more) {
        int clusterPort = LoopbackPorts.free();
        return start(node, partnerEndpoint, clusterPort, List.of(clusterPort), more)
                .awaitHealthy(Duration.ofMinutes(3));
    }

    /** The same as {@link #node(String, StubServer, int, List)}, returning once it is started. */
    GatewayProcess start(String node, StubServer partner, int clusterPort, List<Integer> clusterPorts) {
        return start(node, partner.endpoint(), clusterPort, clusterPorts, List.of());
    }

    private GatewayProcess start(
            String node, String partnerEndpoint, int clusterPort, List<Integer> clusterPorts, List<String> more) {
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        jvm.addAll(clusterTiming);
        GatewayProcess gateway = GatewayProcess.launch(GatewayProcess.JAR, folder.resolve(node + ".log"))
                // Quicker start-up on a small, shared machine; these runs are about correctness, not speed.
                .jvm(jvm)
                .cluster(clusterName, clusterPort, clusterPorts)
                .arguments(List.of(
                        "--spring.datasource.url=" + databaseUrl,
                        "--spring.datasource.username=" + databaseUser,
                        "--spring.datasource.password=" + databasePassword,
                        "--borderlink.cluster.node-id=" + name + "-" + node,
                        "--borderlink.cluster.minimum-members=" + minimumMembers,
                        "--borderlink.config.partners=resilience/src/test/resources/config/partners",
                        "--borderlink.partner.ru-liaison.endpoint=" + partnerEndpoint,
                        // Short, so that a killed node's shares are taken over within the test's patience.
                        "--borderlink.delivery.lease=5s",
                        "--borderlink.delivery.sweep-interval=250ms"))
                .arguments(more)
                .start();
        nodes.add(gateway);
        return gateway;
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection(databaseUrl, databaseUser, databasePassword);
    }

    /** The H2 URL of the development profile, exactly as the README's first command uses it. */
    private static String developmentH2Url() {
        try {
            return Files.readAllLines(Path.of("gateway/src/main/resources/application-dev.yml")).stream()
                    .map(String::strip)
                    .filter(line -> line.startsWith("url: jdbc:h2:"))
                    .map(line -> line.substring("url: ".length()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no H2 URL in application-dev.yml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static void append(Path log, String line) {
        try {
            Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        nodes.forEach(GatewayProcess::kill);
        stubs.forEach(StubServer::close);
    }
}
