package io.borderlink.benchmarks;

import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

/**
 * The development PKI in certs-dev/ (RSA-2048, password changeit), read from the repository root, where
 * the benchmarks are run from; {@code -Dborderlink.certs=DIR} points elsewhere.
 */
final class DevPki {

    static final String PASSWORD = "changeit";

    private DevPki() {}

    static Path root() {
        Path root = Path.of(System.getProperty("borderlink.certs", "certs-dev"));
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException(
                    root.toAbsolutePath() + " not found: run from the repository root or set -Dborderlink.certs=");
        }
        return root;
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    /** The key entry of {@code certs-dev/NAME.p12}, whose alias is its name. */
    static SigningKey key(String name) {
        return Certificates.readKey(file(name + ".p12"), PASSWORD.toCharArray(), name);
    }

    static X509Certificate certificate(String name) {
        return Certificates.readCertificate(file(name + ".crt.pem"));
    }

    static X509Certificate ca(String name) {
        return Certificates.readCertificate(file("ca/" + name + ".crt.pem"));
    }
}
