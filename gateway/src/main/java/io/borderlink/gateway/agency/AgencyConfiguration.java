package io.borderlink.gateway.agency;

import io.borderlink.gateway.config.DirectorySettings;
import io.borderlink.gateway.config.YamlRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AgencyConfiguration {

    @Bean
    AgencyDirectory agencyDirectory(DirectorySettings settings, YamlRecords yaml) {
        return AgencyDirectory.load(settings.agencies(), yaml);
    }
}
