package io.borderlink.gateway.support;

import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.SigningKey;
import io.borderlink.crypto.TrustDomain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;

/** Named access to the development PKI in certs-dev/ (tests run from the repository root). */
public final class DevPki {

    public static final Path ROOT = Path.of("certs-dev");

    private DevPki() {}

    public static SigningKey key(String name) {
        return Certificates.readKey(ROOT.resolve(name + ".p12"), "changeit".toCharArray(), name);
    }

    public static X509Certificate certificate(String name) {
        return Certificates.readCertificate(ROOT.resolve(name + ".crt.pem"));
    }

    public static X509Certificate ca(String name) {
        return Certificates.readCertificate(ROOT.resolve("ca").resolve(name + ".crt.pem"));
    }

    public static List<X509CRL> allCrls() {
        try (Stream<Path> files = Files.list(ROOT.resolve("ca"))) {
            return files.filter(f -> f.toString().endsWith(".crl.pem"))
                    .sorted()
                    .flatMap(f -> Certificates.readCrls(f).stream())
                    .toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static TrustDomain agencies() {
        return new TrustDomain("agencies", List.of(ca("national-root")), List.of(ca("agency-ca")), allCrls());
    }

    public static TrustDomain partner(String name) {
        return new TrustDomain(name, List.of(ca(name + "-root")), List.of(), allCrls());
    }
}
