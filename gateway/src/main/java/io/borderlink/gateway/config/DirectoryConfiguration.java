package io.borderlink.gateway.config;

import jakarta.validation.Validator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

    @Bean
    YamlRecords yamlRecords(ConfigurableEnvironment environment, Validator validator) {
        return new YamlRecords(environment, new SpringValidatorAdapter(validator));
    }
}
