package io.borderlink.gateway.pki;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderlink.gateway.config.InvalidConfigurationException;
import io.borderlink.testkit.DevPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class DevelopmentMaterialTest {

    @Test
    void underProdRefusesEveryDevelopmentCertificateAndUnreadableFileNamingTheSettingOfEach(@TempDir Path folder)
            throws IOException {
        // Development material outside certs-dev/ is refused for what it is, not where it lives.
        Path copied = Files.copy(DevPki.file("ru-liaison.crt.pem"), folder.resolve("ru-liaison.crt.pem"));
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("partner RU-LIAISON certificate", DevPki.file("ru-liaison.crt.pem"));
        files.put("partner RU-LIAISON trust-anchor", copied);
        files.put("agency MN-BORDER certificates[0]", folder.resolve("missing.crt.pem"));

        assertThatThrownBy(() -> material("prod").refuseUnderProd(files))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("partner RU-LIAISON certificate (" + DevPki.file("ru-liaison.crt.pem")
                        + "): development material (under certs-dev/)")
                .hasMessageContaining("partner RU-LIAISON trust-anchor (" + copied + "): development material (")
                .hasMessageContaining("OU=DEV ONLY")
                .hasMessageContaining(
                        "agency MN-BORDER certificates[0] (" + folder.resolve("missing.crt.pem") + "): cannot read it");
    }

    @Test
    void outsideProdAcceptsDevelopmentMaterial() {
        assertThatCode(() -> material("dev")
                        .refuseUnderProd(Map.of("partner RU-LIAISON certificate", DevPki.file("ru-liaison.crt.pem"))))
                .doesNotThrowAnyException();
    }

    private static DevelopmentMaterial material(String profile) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profile);
        return new DevelopmentMaterial(environment);
    }
}
