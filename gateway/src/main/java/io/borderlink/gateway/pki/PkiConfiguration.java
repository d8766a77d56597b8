package io.borderlink.gateway.pki;

import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.JoseCrypto;
import io.borderlink.crypto.SigningKey;
import io.borderlink.crypto.XmlCrypto;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PkiConfiguration {

    /** Development keys under prod are refused with everything else the production check finds. */
    @Bean
    GatewayKeys gatewayKeys(PkiSettings settings) {
        return new GatewayKeys(
                load(settings.signing()),
                load(settings.encryption()),
                Optional.ofNullable(settings.ecSigning()).map(s -> requireEc("ec-signing", load(s))),
                Optional.ofNullable(settings.ecEncryption()).map(s -> requireEc("ec-encryption", load(s))),
                Optional.ofNullable(settings.auditCheckpoint()).map(PkiConfiguration::load),
                settings.retiredCheckpointCertificates().stream()
                        .map(Certificates::readCertificate)
                        .toList());
    }

    @Bean
    Revocation revocation(PkiSettings settings, Clock clock) {
        PkiSettings.RevocationSettings revocation = settings.revocation();
        return new Revocation(
                settings.crlFolder(),
                new CrlFetcher(
                        revocation.fetchTimeout(), revocation.maxCrlSize().toBytes()),
                clock);
    }

    @Bean
    Trust trust(PkiSettings settings, Revocation revocation, Clock clock, TrustAnchors anchors) {
        return new Trust(settings, revocation, clock, anchors);
    }

    @Bean
    XmlCrypto xmlCrypto() {
        return new XmlCrypto();
    }

    @Bean
    JoseCrypto joseCrypto() {
        return new JoseCrypto();
    }

    private static SigningKey load(PkiSettings.KeyStoreSettings store) {
        return Certificates.readKey(store.keystore(), store.password().toCharArray(), store.alias());
    }

    /**
     * The EC pair is picked by key type (EC recipients, agreed keys), so an RSA key there would never be
     * used where the operator meant it to be: refused at start, naming the setting.
     */
    private static SigningKey requireEc(String slot, SigningKey key) {
        if (!(key.privateKey() instanceof ECPrivateKey)) {
            throw new IllegalStateException("borderlink.pki." + slot + " must hold an EC key, found "
                    + key.privateKey().getAlgorithm());
        }
        return key;
    }
}
