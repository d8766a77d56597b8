package io.borderlink.gateway.exchange;

import io.borderlink.crypto.EnvelopeEncryption;
import io.borderlink.crypto.KeyEncryptionKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

@Configuration(proxyBeanMethods = false)
class EvidenceConfiguration {

    @Bean
    KeyEncryptionKeys keyEncryptionKeys(EvidenceSettings settings, Environment environment) {
        EvidenceSettings.Kek kek = settings.kek();
        // The development key-encryption key is public: under prod it would encrypt evidence for everyone.
        if (environment.acceptsProfiles(Profiles.of("prod"))
                && (kek.keystore().toString().contains("certs-dev")
                        || kek.alias().startsWith("dev-only"))) {
            throw new IllegalStateException(
                    "refusing to start under the prod profile with the development key-encryption key");
        }
        return KeyEncryptionKeys.load(kek.type(), kek.keystore(), kek.password().toCharArray(), kek.alias());
    }

    @Bean
    EnvelopeEncryption envelopeEncryption() {
        return new EnvelopeEncryption();
    }
}
