package io.borderlink.gateway.labels;

import io.borderlink.gateway.config.DirectorySettings;
import io.borderlink.gateway.config.YamlRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LabelConfiguration {

    /** The label policies in force; the gateway does not start with one that is wrong. */
    @Bean
    LabelPolicies labelPolicies(DirectorySettings settings, YamlRecords yaml) {
        return new LabelPolicies(LabelPolicyDirectory.load(settings.labelPolicies(), yaml));
    }
}
