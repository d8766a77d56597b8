package io.borderlink.gateway.agency;

import io.borderlink.gateway.config.DirectorySettings;
import io.borderlink.gateway.config.YamlRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AgencyConfiguration {

    /** The agencies in force; the gateway does not start when an agency's inbound section fails one of its own cases. */
    @Bean
    Agencies agencies(DirectorySettings settings, YamlRecords yaml) {
        AgencyDirectory directory = AgencyDirectory.load(settings.agencies(), yaml);
        new InboundCases(yaml).requirePassing(directory, settings.agencies());
        return new Agencies(directory);
    }
}
