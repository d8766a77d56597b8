package io.borderlink.adapters.filedrop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Files in a file-drop folder: written whole or not at all (to a hidden temporary name, forced to disk, then
 * moved into place in one step), listed in name order without what is being written, and quarantined with a
 * reason beside them.
 */
public final class DropFolder {

    /** Where files that failed go, inside the import folder, each with a {@code .reason.txt} beside it. */
    public static final String QUARANTINE = "quarantine";

    private DropFolder() {}

    /** Writes the file so that whoever watches the folder sees all of it or nothing; replaces one of that name. */
    public static Path write(Path folder, String name, byte[] content) {
        try {
            Files.createDirectories(folder);
            Path partial = folder.resolve("." + name + ".part");
            try (FileChannel channel = FileChannel.open(
                    partial,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            return Files.move(
                    partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " to " + folder, e);
        }
    }

    /** The files of the folder in name order; hidden files (being written) and folders are not among them. */
    public static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** Moves a file into the folder's quarantine, with the reason in a text file of the same name beside it. */
    public static Path quarantine(Path file, String reason) {
        Path quarantine = file.resolveSibling(QUARANTINE);
        String name = file.getFileName().toString();
        write(quarantine, name + ".reason.txt", (reason + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            return Files.move(file, quarantine.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot quarantine " + file, e);
        }
    }
}
