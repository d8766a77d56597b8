package io.borderlink.gateway.pki;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.testkit.DevPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisteredCertificatesTest {

    private final RegisteredCertificates certificates = new RegisteredCertificates();

    /** A certificate renewed under the same file name is the one used from then on, without a restart. */
    @Test
    void readsAFileAgainOnceItChanged(@TempDir Path folder) throws Exception {
        Path registered = folder.resolve("partner.crt.pem");
        Files.copy(Path.of("certs-dev/ru-liaison.crt.pem"), registered);

        assertThat(certificates.of(registered)).isEqualTo(DevPki.certificate("ru-liaison"));
        assertThat(certificates.of(registered)).isSameAs(certificates.of(registered));

        FileTime before = Files.getLastModifiedTime(registered);
        Files.copy(Path.of("certs-dev/cn-liaison.crt.pem"), registered, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(registered, FileTime.fromMillis(before.toMillis() + 1000));

        assertThat(certificates.of(registered)).isEqualTo(DevPki.certificate("cn-liaison"));
    }
}
