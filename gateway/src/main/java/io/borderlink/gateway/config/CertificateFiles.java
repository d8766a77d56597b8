package io.borderlink.gateway.config;

import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.Digests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The certificate files a configuration registers (partners', agencies'), each read once for the whole load,
 * with a digest of what they held: a watch compares it with what the files hold now to notice a certificate
 * renewed in place, its YAML file unchanged.
 */
public final class CertificateFiles {

    private final Map<Path, byte[]> files;
    private final Map<Path, X509Certificate> certificates;

    private CertificateFiles(Map<Path, byte[]> files, Map<Path, X509Certificate> certificates) {
        this.files = files;
        this.certificates = Map.copyOf(certificates);
    }

    /**
     * Reads every file, each given with who registers it. A file that cannot be read, or holds anything but one
     * certificate, makes the configuration invalid: a reload that meets a certificate half-copied is refused, not
     * half-applied.
     */
    public static CertificateFiles read(Map<Path, String> owners) {
        Map<Path, byte[]> files = new TreeMap<>();
        Map<Path, X509Certificate> certificates = new HashMap<>();
        owners.forEach((file, owner) -> {
            try {
                byte[] bytes = Files.readAllBytes(file);
                List<X509Certificate> held = Certificates.parseAll(bytes);
                if (held.size() != 1) {
                    throw new IllegalArgumentException("it must hold exactly one certificate, found " + held.size());
                }
                files.put(file, bytes);
                certificates.put(file, held.get(0));
            } catch (IOException | RuntimeException e) {
                throw new InvalidConfigurationException(
                        owner + ": cannot read its certificate " + file + ": " + e.getMessage());
            }
        });
        return new CertificateFiles(files, certificates);
    }

    /** The certificate the file held when this configuration was loaded, if it registers that file. */
    public Optional<X509Certificate> certificate(Path file) {
        return Optional.ofNullable(certificates.get(file));
    }

    /**
     * Each certificate the owners register, by its fingerprint, with its owner: one certificate, one owner (a
     * certificate registered twice makes the configuration invalid).
     *
     * @param certificatesOf the files an owner registers, all among those read here
     * @param idOf what names an owner in the refusal
     */
    public <T> Map<String, T> byFingerprint(
            Collection<T> owners, Function<T, List<Path>> certificatesOf, Function<T, String> idOf) {
        Map<String, T> byFingerprint = new HashMap<>();
        for (T owner : owners) {
            for (Path file : certificatesOf.apply(owner)) {
                T previous = byFingerprint.putIfAbsent(Certificates.fingerprint(certificates.get(file)), owner);
                if (previous != null) {
                    throw new InvalidConfigurationException(idOf.apply(owner) + ": " + file
                            + " is the certificate already registered to " + idOf.apply(previous));
                }
            }
        }
        return byFingerprint;
    }

    /** A digest of the files as this configuration read them. */
    public String digest() {
        return digest(files);
    }

    /**
     * The same digest over what the same files hold now ({@code read} answering a file's bytes): unlike
     * {@link #digest()} once a certificate was renewed in place.
     */
    public String digestNow(Function<Path, byte[]> read) {
        Map<Path, byte[]> now = new TreeMap<>();
        files.keySet().forEach(file -> now.put(file, read.apply(file)));
        return digest(now);
    }

    private static String digest(Map<Path, byte[]> files) {
        StringBuilder all = new StringBuilder();
        files.forEach((file, bytes) ->
                all.append(file).append('=').append(Digests.sha256(bytes)).append('\n'));
        return Digests.sha256(all.toString().getBytes());
    }
}
