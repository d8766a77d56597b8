package io.borderlink.gateway.pki;

import io.borderlink.crypto.Certificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The certificates partner and agency files register, by file: parsed once, not for every message a delivery
 * encrypts or every receipt it checks, and read again when the file changes (a certificate renewed under the same
 * name is used from then on, without a restart).
 */
@Component
public class RegisteredCertificates {

    private record Read(FileTime modified, X509Certificate certificate) {}

    private final Map<Path, Read> read = new ConcurrentHashMap<>();

    public X509Certificate of(Path file) {
        FileTime modified = modified(file);
        return read.compute(
                        file,
                        (path, known) -> known != null && known.modified().equals(modified)
                                ? known
                                : new Read(modified, Certificates.readCertificate(path)))
                .certificate();
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
