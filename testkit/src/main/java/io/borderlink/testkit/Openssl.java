package io.borderlink.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The {@code openssl} command line, as the test PKI and the time-stamping authority run it. */
final class Openssl {

    private Openssl() {}

    /** {@code CN=x,O=y,C=z} as openssl's {@code -subj} wants it: {@code /C=z/O=y/CN=x}. */
    static String subject(String subject) {
        List<String> parts = new ArrayList<>(List.of(subject.split(",")));
        Collections.reverse(parts);
        return parts.stream().map(String::strip).map(part -> "/" + part).collect(Collectors.joining());
    }

    /** Writes an openssl configuration or database file. */
    static Path write(Path file, String content) {
        try {
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs openssl with the arguments (paths as they are), or fails with what it said. */
    static void run(Object... arguments) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        for (Object argument : arguments) {
            command.add(argument.toString());
        }
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " failed:\n" + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run openssl (is it installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
