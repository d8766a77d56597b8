package io.borderlink.testkit;

import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.SigningKey;
import io.borderlink.crypto.TrustDomain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.util.List;
import java.util.stream.Stream;

/**
 * Named access to the development PKI in certs-dev/ (DEV ONLY, one password for every key store), read from
 * the repository root, where the build, the tools and the benchmarks run; {@code -Dborderlink.certs=DIR}
 * points at another folder laid out the same way.
 */
public final class DevPki {

    public static final Path ROOT = Path.of(System.getProperty("borderlink.certs", "certs-dev"));
    public static final String PASSWORD = "changeit";

    private DevPki() {}

    /** A file of the folder, e.g. {@code ca/client-trust.p12}. */
    public static Path file(String relative) {
        if (!Files.isDirectory(ROOT)) {
            throw new IllegalStateException(
                    ROOT.toAbsolutePath() + " not found: run from the repository root or set -Dborderlink.certs=");
        }
        return ROOT.resolve(relative);
    }

    /** The key entry of {@code NAME.p12}, whose alias is its name. */
    public static SigningKey key(String name) {
        return Certificates.readKey(file(name + ".p12"), PASSWORD.toCharArray(), name);
    }

    public static X509Certificate certificate(String name) {
        return Certificates.readCertificate(file(name + ".crt.pem"));
    }

    /**
     * The gateway certificate a sender with this key encrypts to: {@code gateway-enc-ec} (ECDH-ES) for an EC
     * key, as a stack with an EC-only PKI would, else {@code gateway-enc} (RSA-OAEP).
     */
    public static X509Certificate gatewayEncryptionFor(SigningKey sender) {
        return certificate(sender.privateKey() instanceof ECKey ? "gateway-enc-ec" : "gateway-enc");
    }

    /** The certificate the gateway signs with for this recipient: {@code gateway-ec} for an EC one, else {@code gateway}. */
    public static X509Certificate gatewaySigningFor(X509Certificate recipient) {
        return certificate(recipient.getPublicKey() instanceof ECKey ? "gateway-ec" : "gateway");
    }

    public static X509Certificate ca(String name) {
        return Certificates.readCertificate(file("ca/" + name + ".crt.pem"));
    }

    public static List<X509CRL> allCrls() {
        try (Stream<Path> files = Files.list(file("ca"))) {
            return files.filter(f -> f.toString().endsWith(".crl.pem"))
                    .sorted()
                    .flatMap(f -> Certificates.readCrls(f).stream())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TrustDomain agencies() {
        return new TrustDomain("agencies", List.of(ca("national-root")), List.of(ca("agency-ca")), allCrls());
    }

    public static TrustDomain partner(String name) {
        return new TrustDomain(name, List.of(ca(name + "-root")), List.of(), allCrls());
    }
}
