package io.borderlink.gateway.config;

import io.borderlink.crypto.Digests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What the reload watches compare from one look to the next: digests of the configuration files as they are on
 * disk now, so that a look that finds nothing changed costs no parsing.
 */
public final class WatchedFiles {

    private WatchedFiles() {}

    /** A digest of every file under the folder (configuration files and their cases alike); "" without one. */
    public static String treeDigest(Path folder) {
        if (!Files.isDirectory(folder)) {
            return "";
        }
        try (Stream<Path> files = Files.walk(folder)) {
            StringBuilder all = new StringBuilder();
            files.filter(Files::isRegularFile).sorted().forEach(file -> all.append(folder.relativize(file))
                    .append('=')
                    .append(Digests.sha256(bytesNow(file)))
                    .append('\n'));
            return Digests.sha256(all.toString().getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's bytes; none while it cannot be read (being rewritten right now: the next look sees it whole). */
    public static byte[] bytesNow(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
