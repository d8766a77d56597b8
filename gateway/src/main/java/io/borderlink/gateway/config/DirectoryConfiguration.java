package io.borderlink.gateway.config;

import io.borderlink.adapters.format.PartnerFormats;
import jakarta.validation.Validator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

    @Bean
    YamlRecords yamlRecords(ConfigurableEnvironment environment, Validator validator, PartnerFormats formats) {
        return new YamlRecords(environment, new SpringValidatorAdapter(validator), formats);
    }
}
