package io.borderlink.gateway.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderlink.testkit.DevPki;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gateway's key pairs and checkpoint key as the PKI settings load them, and which key serves whom. */
class GatewayKeysTest {

    /** Not read when only the keys are loaded. */
    private static final PkiSettings.TrustSettings TRUST =
            new PkiSettings.TrustSettings(List.of(Path.of("unused")), List.of());

    private final PkiConfiguration configuration = new PkiConfiguration();

    @Test
    void signsForEachRecipientWithTheKeyOfItsTypeAndDecryptsWithEither() {
        GatewayKeys keys = configuration.gatewayKeys(settings(store("gateway-ec"), store("gateway-enc-ec")));

        assertThat(keys.signingFor(DevPki.certificate("kr-liaison"))).isEqualTo(DevPki.key("gateway-ec"));
        assertThat(keys.signingFor(DevPki.certificate("ru-liaison"))).isEqualTo(DevPki.key("gateway"));
        assertThat(keys.decryption()).containsExactly(DevPki.key("gateway-enc"), DevPki.key("gateway-enc-ec"));
        assertThat(keys.signingChains())
                .startsWith(DevPki.certificate("gateway"))
                .contains(DevPki.certificate("gateway-ec"))
                .doesNotHaveDuplicates();
    }

    @Test
    void signsEveryoneWithRsaWithoutAnEcPair() {
        GatewayKeys keys = configuration.gatewayKeys(settings(null, null));

        assertThat(keys.signingFor(DevPki.certificate("kr-liaison"))).isEqualTo(DevPki.key("gateway"));
        assertThat(keys.decryption()).containsExactly(DevPki.key("gateway-enc"));
    }

    @Test
    void refusesToStartWithAnRsaKeyWhereTheEcPairBelongs() {
        assertThatThrownBy(() -> configuration.gatewayKeys(settings(store("gateway"), null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("borderlink.pki.ec-signing must hold an EC key");
        assertThatThrownBy(() -> configuration.gatewayKeys(settings(null, store("gateway-enc"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("borderlink.pki.ec-encryption must hold an EC key");
    }

    @Test
    void signsCheckpointsWithTheCheckpointKeyAndAcceptsTheRetiredSigners() {
        GatewayKeys keys = configuration.gatewayKeys(
                settings(null, null, store("audit-checkpoint"), List.of(DevPki.file("gateway.crt.pem"))));

        assertThat(keys.checkpointSigning()).isEqualTo(DevPki.key("audit-checkpoint"));
        assertThat(keys.checkpointSigners())
                .containsExactly(DevPki.certificate("audit-checkpoint"), DevPki.certificate("gateway"));
        assertThat(keys.signing()).isEqualTo(DevPki.key("gateway"));
    }

    @Test
    void signsCheckpointsWithTheSigningKeyOnlyWithoutACheckpointKey() {
        GatewayKeys keys = configuration.gatewayKeys(settings(null, null));

        assertThat(keys.checkpointSigning()).isEqualTo(DevPki.key("gateway"));
        assertThat(keys.checkpointSigners()).containsExactly(DevPki.certificate("gateway"));
    }

    private static PkiSettings settings(
            PkiSettings.KeyStoreSettings ecSigning, PkiSettings.KeyStoreSettings ecEncryption) {
        return settings(ecSigning, ecEncryption, null, List.of());
    }

    private static PkiSettings settings(
            PkiSettings.KeyStoreSettings ecSigning,
            PkiSettings.KeyStoreSettings ecEncryption,
            PkiSettings.KeyStoreSettings auditCheckpoint,
            List<Path> retiredCheckpointCertificates) {
        return new PkiSettings(
                store("gateway"),
                store("gateway-enc"),
                ecSigning,
                ecEncryption,
                auditCheckpoint,
                retiredCheckpointCertificates,
                TRUST,
                TRUST,
                Path.of("unused"),
                Duration.ofMinutes(5),
                null);
    }

    private static PkiSettings.KeyStoreSettings store(String name) {
        return new PkiSettings.KeyStoreSettings(DevPki.file(name + ".p12"), DevPki.PASSWORD, name);
    }
}
