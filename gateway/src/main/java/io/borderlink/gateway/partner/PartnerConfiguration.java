package io.borderlink.gateway.partner;

import io.borderlink.gateway.config.DirectorySettings;
import io.borderlink.gateway.config.YamlRecords;
import io.borderlink.gateway.labels.LabelPolicies;
import io.borderlink.gateway.policy.PolicyEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PartnerConfiguration {

    @Bean
    PolicyCases policyCases(YamlRecords yaml, PolicyEngine engine) {
        return new PolicyCases(yaml, engine);
    }

    /** The partners in force; the gateway does not start when a policy fails one of its own cases. */
    @Bean
    Partners partners(DirectorySettings settings, YamlRecords yaml, PolicyCases cases, LabelPolicies labels) {
        PartnerDirectory directory = PartnerDirectory.load(settings.partners(), yaml, labels.current());
        cases.requirePassing(directory, settings.partners());
        return new Partners(directory);
    }
}
