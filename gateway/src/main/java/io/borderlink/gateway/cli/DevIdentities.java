package io.borderlink.gateway.cli;

import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.SigningKey;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import picocli.CommandLine.Option;

/**
 * Where the tools that play partners and agencies find their keys: a folder laid out like certs-dev
 * ({@code NAME.p12} with alias {@code NAME}, CA certificates under {@code ca/}). A picocli mixin.
 */
final class DevIdentities {

    @Option(
            names = "--certs",
            defaultValue = "certs-dev",
            description = "folder of the key stores and CA files (default: ${DEFAULT-VALUE})")
    Path certs;

    @Option(
            names = "--password",
            defaultValue = "changeit",
            description = "key store password (default: the certs-dev one)")
    String password;

    SigningKey key(String identity) {
        return Certificates.readKey(certs.resolve(identity + ".p12"), password.toCharArray(), identity);
    }

    /** A certificate of the folder, e.g. {@code gateway-enc.crt.pem} or {@code ca/national-root.crt.pem}. */
    X509Certificate certificate(String file) {
        return Certificates.readCertificate(certs.resolve(file));
    }
}
