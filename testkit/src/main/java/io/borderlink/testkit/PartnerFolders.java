package io.borderlink.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Private copies of config/partners that a test may edit while a gateway watches them. */
public final class PartnerFolders {

    private static final Path REAL = Path.of("config/partners");

    private PartnerFolders() {}

    public static Path copyOfTheRealPartners() {
        return copyOf(REAL);
    }

    /** Copies config/partners into {@code target}, every file's text passed through {@code edit}. */
    public static Path copyOfTheRealPartners(Path target, UnaryOperator<String> edit) {
        return copy(REAL, target, edit);
    }

    /** A private copy of another partner folder (a module's test partners, say), with its policy cases. */
    public static Path copyOf(Path folder) {
        try {
            return copy(folder, Files.createTempDirectory("borderlink-partners"), UnaryOperator.identity());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copy(Path source, Path target, UnaryOperator<String> edit) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.writeString(copy, edit.apply(Files.readString(file)));
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites one file in one atomic move, as an editor saving it would. */
    public static void edit(Path folder, String file, UnaryOperator<String> change) {
        try {
            write(folder, file, change.apply(Files.readString(folder.resolve(file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Gives a configuration file in {@code folder} its own copy of a development certificate it names (beside the
     * folder, named after both), so that a test may replace that certificate in place; answers the copy.
     *
     * @param certificate the certificate's path under {@code certs-dev/}, as the file names it
     */
    public static Path ownCopy(Path folder, String file, String certificate) {
        Path copy = folder.resolveSibling(
                folder.getFileName() + "-" + Path.of(certificate).getFileName());
        replace(copy, DevPki.file(certificate));
        edit(folder, file, text -> text.replace("certs-dev/" + certificate, copy.toString()));
        return copy;
    }

    /**
     * Replaces a file with another's content in one atomic move, as an operator installing a renewed certificate
     * would.
     */
    public static void replace(Path file, Path with) {
        try {
            Path next = Files.createTempFile(file.getParent(), "replaced", ".tmp");
            Files.copy(with, next, StandardCopyOption.REPLACE_EXISTING);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file, new or not, in one atomic move, so a watching gateway never reads half of it. */
    public static void write(Path folder, String file, String content) {
        try {
            Path next = Files.createTempFile(folder, "edit", ".tmp");
            Files.writeString(next, content);
            Files.move(next, folder.resolve(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
