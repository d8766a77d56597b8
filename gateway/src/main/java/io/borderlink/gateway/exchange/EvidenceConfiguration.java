package io.borderlink.gateway.exchange;

import io.borderlink.crypto.EnvelopeEncryption;
import io.borderlink.crypto.KeyEncryptionKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EvidenceConfiguration {

    @Bean
    KeyEncryptionKeys keyEncryptionKeys(EvidenceSettings settings) {
        EvidenceSettings.Kek kek = settings.kek();
        return KeyEncryptionKeys.load(kek.type(), kek.keystore(), kek.password().toCharArray(), kek.alias());
    }

    @Bean
    EnvelopeEncryption envelopeEncryption() {
        return new EnvelopeEncryption();
    }
}
