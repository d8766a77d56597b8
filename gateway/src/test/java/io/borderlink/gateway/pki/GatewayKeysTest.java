package io.borderlink.gateway.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderlink.testkit.DevPki;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** The gateway's two key pairs as the PKI settings load them, and which key serves whom. */
class GatewayKeysTest {

    /** Not read when only the keys are loaded. */
    private static final PkiSettings.TrustSettings TRUST =
            new PkiSettings.TrustSettings(List.of(Path.of("unused")), List.of());

    private final PkiConfiguration configuration = new PkiConfiguration();

    @Test
    void signsForEachRecipientWithTheKeyOfItsTypeAndDecryptsWithEither() {
        GatewayKeys keys = configuration.gatewayKeys(settings(store("gateway-ec"), store("gateway-enc-ec")), dev());

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
        GatewayKeys keys = configuration.gatewayKeys(settings(null, null), dev());

        assertThat(keys.signingFor(DevPki.certificate("kr-liaison"))).isEqualTo(DevPki.key("gateway"));
        assertThat(keys.decryption()).containsExactly(DevPki.key("gateway-enc"));
    }

    @Test
    void refusesToStartWithAnRsaKeyWhereTheEcPairBelongs() {
        assertThatThrownBy(() -> configuration.gatewayKeys(settings(store("gateway"), null), dev()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("borderlink.pki.ec-signing must hold an EC key");
        assertThatThrownBy(() -> configuration.gatewayKeys(settings(null, store("gateway-enc")), dev()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("borderlink.pki.ec-encryption must hold an EC key");
    }

    /** Production RSA keys of its own, but the development EC signing key: refused like any development key. */
    @Test
    void refusesToStartUnderProdWithADevelopmentEcKey(@TempDir Path folder) throws Exception {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        PkiSettings.KeyStoreSettings own = productionRsaStore(folder.resolve("own.p12"));
        PkiSettings withDevelopmentEc = new PkiSettings(
                own, own, store("gateway-ec"), null, TRUST, TRUST, Path.of("unused"), Duration.ofMinutes(5));
        PkiSettings withoutEc =
                new PkiSettings(own, own, null, null, TRUST, TRUST, Path.of("unused"), Duration.ofMinutes(5));

        assertThatThrownBy(() -> configuration.gatewayKeys(withDevelopmentEc, prod))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("development key");
        assertThat(configuration.gatewayKeys(withoutEc, prod).ecSigning()).isEmpty();
    }

    /** A self-signed RSA key without OU=DEV ONLY, as production keys are. */
    private static PkiSettings.KeyStoreSettings productionRsaStore(Path file) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=borderlink-gateway, O=Production");
        Instant now = Instant.now();
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(new JcaX509v3CertificateBuilder(
                                name,
                                BigInteger.ONE,
                                Date.from(now.minus(Duration.ofDays(1))),
                                Date.from(now.plus(Duration.ofDays(1))),
                                name,
                                keys.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("own", keys.getPrivate(), DevPki.PASSWORD.toCharArray(), new Certificate[] {certificate});
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, DevPki.PASSWORD.toCharArray());
        }
        return new PkiSettings.KeyStoreSettings(file, DevPki.PASSWORD, "own");
    }

    private static MockEnvironment dev() {
        return new MockEnvironment();
    }

    private static PkiSettings settings(
            PkiSettings.KeyStoreSettings ecSigning, PkiSettings.KeyStoreSettings ecEncryption) {
        return new PkiSettings(
                store("gateway"),
                store("gateway-enc"),
                ecSigning,
                ecEncryption,
                TRUST,
                TRUST,
                Path.of("unused"),
                Duration.ofMinutes(5));
    }

    private static PkiSettings.KeyStoreSettings store(String name) {
        return new PkiSettings.KeyStoreSettings(DevPki.file(name + ".p12"), DevPki.PASSWORD, name);
    }
}
