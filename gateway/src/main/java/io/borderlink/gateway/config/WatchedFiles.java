package io.borderlink.gateway.config;

import io.borderlink.crypto.Digests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What a reload watches: every file under its folders (configuration files and their cases alike) and the
 * certificate files the configuration in force registers (renewed in place, their YAML unchanged). A look that finds
 * nothing changed costs digests, no parsing.
 */
public final class WatchedFiles {

    private final List<Path> folders;
    private final Supplier<CertificateFiles> inForce;
    private volatile String lastSeen;

    /** @param inForce the certificate files of the configuration in force, as it read them */
    public WatchedFiles(Supplier<CertificateFiles> inForce, Path... folders) {
        this.folders = List.of(folders);
        this.inForce = inForce;
        this.lastSeen = filesNow() + inForce.get().digest();
    }

    /**
     * Runs {@code reload} (true when it applied a change) if anything changed since the last look. Applied, the
     * certificates are remembered as the reload read them: one changed meanwhile is seen next time. Refused, as
     * seen: the same bad file is not refused again at every look.
     */
    public void reloadIfChanged(BooleanSupplier reload) {
        String files = filesNow();
        String seen = files + inForce.get().digestNow(WatchedFiles::bytesNow);
        if (!seen.equals(lastSeen)) {
            lastSeen = reload.getAsBoolean() ? files + inForce.get().digest() : seen;
        }
    }

    private String filesNow() {
        StringBuilder all = new StringBuilder();
        folders.forEach(folder -> all.append(treeDigest(folder)));
        return all.toString();
    }

    /** A digest of every file under the folder; "" without one. */
    private static String treeDigest(Path folder) {
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
    private static byte[] bytesNow(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
