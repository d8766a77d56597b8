package io.borderlink.gateway.people;

import io.borderlink.gateway.config.DirectorySettings;
import io.borderlink.gateway.config.YamlRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PeopleConfiguration {

    /** Named apart from the API documentation's group "people". */
    @Bean
    People peopleInForce(DirectorySettings settings, YamlRecords yaml) {
        return new People(PeopleDirectory.load(settings.people(), yaml));
    }
}
