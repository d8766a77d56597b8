package io.borderlink.gateway.people;

import io.borderlink.gateway.config.DirectorySettings;
import io.borderlink.gateway.config.YamlRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PeopleConfiguration {

    @Bean
    PeopleDirectory peopleDirectory(DirectorySettings settings, YamlRecords yaml) {
        return PeopleDirectory.load(settings.people(), yaml);
    }
}
