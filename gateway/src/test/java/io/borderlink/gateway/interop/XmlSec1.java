package io.borderlink.gateway.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code xmlsec1} command of the C XML Security Library, run as another implementation of the
 * message-protection profile: one method per operation. Each waits at most 30 seconds and fails, with
 * the command line and everything xmlsec1 printed, unless xmlsec1 exits with 0.
 */
final class XmlSec1 {

    /** The command; {@code -Dborderlink.interop.xmlsec1=/path/to/xmlsec1} names one that is not on the PATH. */
    static final String COMMAND = System.getProperty("borderlink.interop.xmlsec1", "xmlsec1");

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Path work;

    /** Runs xmlsec1 with its output captured in files under {@code work}. */
    XmlSec1(Path work) {
        this.work = work;
    }

    /** The installed version, e.g. {@code xmlsec1 1.2.37 (openssl)}, or empty when xmlsec1 cannot be run. */
    static Optional<String> version() {
        try {
            Path log = Files.createTempFile("xmlsec1-version-", ".log");
            try {
                Run run = run(List.of(COMMAND, "--version"), log);
                return run.exitCode() == 0 ? Optional.of(run.output().strip()) : Optional.empty();
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return Optional.empty(); // not installed: the command cannot be started
        }
    }

    /** Fills in the signature template in {@code template} with the key and its certificate. */
    String sign(Path template, Path key, Path certificate, Path output) {
        return succeed("--sign", "--privkey-pem", key + "," + certificate, "--output", output.toString(), template);
    }

    /**
     * Encrypts the first element named {@code nodeName} ({@code namespace:localName}) of {@code xmlData}
     * in place, following the EncryptedData {@code template}, with a fresh AES-256 session key transported
     * to {@code recipient}'s certificate.
     */
    String encrypt(Path xmlData, String nodeName, Path template, Path recipient, Path output) {
        return succeed(
                "--encrypt",
                "--pubkey-cert-pem",
                recipient.toString(),
                "--session-key",
                "aes-256",
                "--node-name",
                nodeName,
                "--xml-data",
                xmlData.toString(),
                "--output",
                output.toString(),
                template);
    }

    /** Decrypts the EncryptedData of {@code document}, unwrapping its key with the private key. */
    String decrypt(Path document, Path key, Path certificate, Path output) {
        return succeed("--decrypt", "--privkey-pem", key + "," + certificate, "--output", output.toString(), document);
    }

    /**
     * Verifies the signature of {@code document} with the certificate in its KeyInfo, which xmlsec1 must
     * be able to chain through the {@code untrusted} intermediates to the {@code trusted} root. Returns
     * what xmlsec1 printed, {@code OK} and the count of verified references.
     */
    String verify(Path document, Path trusted, Path... untrusted) {
        List<Object> arguments = new ArrayList<>(List.of("--verify", "--trusted-pem", trusted.toString()));
        for (Path intermediate : untrusted) {
            arguments.add("--untrusted-pem");
            arguments.add(intermediate.toString());
        }
        arguments.add(document);
        return succeed(arguments.toArray());
    }

    /**
     * Verifies the signature that {@code nodeXpath} selects (not the first in the document), resolving
     * same-document references by the attributes {@code idAttributes} names ({@code attr node} pairs as
     * {@code --id-attr} takes them, e.g. {@code Id urn:borderlink:exchange:1:Body}).
     */
    String verifyNode(Path document, String nodeXpath, List<String> idAttributes, Path trusted, Path... untrusted) {
        List<Object> arguments = new ArrayList<>(List.of("--verify", "--node-xpath", nodeXpath));
        for (int i = 0; i < idAttributes.size(); i += 2) {
            arguments.add("--id-attr:" + idAttributes.get(i));
            arguments.add(idAttributes.get(i + 1));
        }
        arguments.add("--trusted-pem");
        arguments.add(trusted.toString());
        for (Path intermediate : untrusted) {
            arguments.add("--untrusted-pem");
            arguments.add(intermediate.toString());
        }
        arguments.add(document);
        return succeed(arguments.toArray());
    }

    private String succeed(Object... arguments) {
        List<String> command = new ArrayList<>();
        command.add(COMMAND);
        for (Object argument : arguments) {
            command.add(argument.toString());
        }
        try {
            Run run = run(command, Files.createTempFile(work, "xmlsec1-", ".log"));
            if (run.exitCode() != 0) {
                throw new AssertionError("xmlsec1 exited with " + run.exitCode() + ": " + String.join(" ", command)
                        + "\n" + run.output());
            }
            return run.output();
        } catch (IOException e) {
            throw new UncheckedIOException("xmlsec1 could not be run: " + String.join(" ", command), e);
        }
    }

    /** Runs the command with stderr merged into stdout, captured in {@code log} (no pipe that could fill up). */
    private static Run run(List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("xmlsec1 did not finish within " + TIMEOUT.toSeconds() + " s: "
                        + String.join(" ", command) + "\n" + read(log));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for xmlsec1", e);
        }
        return new Run(process.exitValue(), read(log));
    }

    private static String read(Path log) throws IOException {
        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    }

    private record Run(int exitCode, String output) {}
}
