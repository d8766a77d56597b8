package io.borderlink.gateway.pki;

import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.JoseCrypto;
import io.borderlink.crypto.SigningKey;
import io.borderlink.crypto.XmlCrypto;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PkiConfiguration {

    /** Development keys under prod are refused with everything else the production check finds. */
    @Bean
    GatewayKeys gatewayKeys(PkiSettings settings) {
        return new GatewayKeys(load(settings.signing()), load(settings.encryption()));
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
    Trust trust(PkiSettings settings, Revocation revocation, Clock clock) {
        return new Trust(settings, revocation, clock);
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
}
