package io.borderlink.gateway.pki;

import io.borderlink.crypto.CertificateValidator;
import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.JoseCrypto;
import io.borderlink.crypto.SigningKey;
import io.borderlink.crypto.TrustDomain;
import io.borderlink.crypto.XmlCrypto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

@Configuration(proxyBeanMethods = false)
class PkiConfiguration {

    @Bean
    GatewayKeys gatewayKeys(PkiSettings settings, Environment environment) {
        GatewayKeys keys = new GatewayKeys(
                load(settings.signing()),
                load(settings.encryption()),
                Optional.ofNullable(settings.ecSigning()).map(s -> requireEc("ec-signing", load(s))),
                Optional.ofNullable(settings.ecEncryption()).map(s -> requireEc("ec-encryption", load(s))));
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            refuseDevelopmentKeys(keys, environment);
        }
        return keys;
    }

    @Bean
    Crls crls(PkiSettings settings) {
        return new Crls(readCrls(settings.crlFolder()));
    }

    @Bean
    Trust trust(PkiSettings settings, Crls crls, Clock clock) {
        return new Trust(
                validator("agencies", settings.agencies(), crls, clock, settings),
                validator("people", settings.people(), crls, clock, settings));
    }

    @Bean
    PartnerTrust partnerTrust(PkiSettings settings, Crls crls, Clock clock) {
        return new PartnerTrust(crls, clock, settings.validationCache());
    }

    @Bean
    XmlCrypto xmlCrypto() {
        return new XmlCrypto();
    }

    @Bean
    JoseCrypto joseCrypto() {
        return new JoseCrypto();
    }

    private static CertificateValidator validator(
            String name, PkiSettings.TrustSettings trust, Crls crls, Clock clock, PkiSettings settings) {
        TrustDomain domain = new TrustDomain(
                name,
                trust.anchors().stream().map(Certificates::readCertificate).toList(),
                trust.intermediates().stream()
                        .map(Certificates::readCertificate)
                        .toList(),
                crls.all());
        return new CertificateValidator(domain, clock, settings.validationCache());
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

    /** The development PKI is public; a production node that found it would be trusting everyone. */
    private static void refuseDevelopmentKeys(GatewayKeys keys, Environment environment) {
        String tlsKeystore = environment.getProperty("spring.ssl.bundle.jks.server.keystore.location", "");
        if (keys.all().stream().anyMatch(SigningKey::isDevelopmentKey) || tlsKeystore.contains("certs-dev")) {
            throw new IllegalStateException(
                    "refusing to start under the prod profile with a development key (OU=DEV ONLY or certs-dev/)");
        }
    }

    private static List<X509CRL> readCrls(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".crl.pem"))
                    .sorted()
                    .flatMap(f -> Certificates.readCrls(f).stream())
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read CRLs from " + folder, e);
        }
    }

    /** Every CRL the gateway knows, shared by the agency and partner trust domains. */
    record Crls(List<X509CRL> all) {}
}
