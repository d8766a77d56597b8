package io.borderlink.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/** Where {@link GatewayProcess} starts a gateway from: its jar, unpacked once per build. */
final class UnpackedJar {

    private UnpackedJar() {}

    /**
     * The jar unpacked as Spring Boot's tools unpack it for production (a thin jar with its libraries beside it,
     * see docs/production.md), once per build of the jar: the gateway starts in about two thirds of the time
     * the fat jar takes, which is most of the time of a resilience test on a small machine.
     */
    static synchronized Path of(Path jar) {
        String name = jar.getFileName().toString();
        Path folder = jar.toAbsolutePath().resolveSibling(name.replaceFirst("\\.jar$", "") + "-extracted");
        Path thin = folder.resolve(name);
        Path source = folder.resolve("extracted-from");
        // Test JVMs forked side by side would each unpack a new build over the other's half-written files; the
        // lock makes one of them do it and the others find it done.
        try (FileChannel channel = FileChannel.open(
                        folder.resolveSibling(folder.getFileName() + ".lock"),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            String built = Files.size(jar) + " bytes, modified " + Files.getLastModifiedTime(jar);
            if (Files.isRegularFile(thin)
                    && Files.isRegularFile(source)
                    && Files.readString(source).equals(built)) {
                return thin;
            }
            Path output = Files.createTempFile("gateway-extract", ".log");
            Process extract = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Djarmode=tools",
                            "-jar",
                            jar.toString(),
                            "extract",
                            "--destination",
                            folder.toString(),
                            "--force")
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0) {
                extract.destroyForcibly();
                throw new IllegalStateException("could not extract " + jar + ": " + Files.readString(output));
            }
            Files.delete(output);
            Files.writeString(source, built);
            return thin;
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract " + jar, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting " + jar, e);
        }
    }
}
