package io.borderlink.gateway.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves the contracts (OpenAPI, WSDL, XSD, samples) at /contracts/**, so integrators get them from the gateway. */
@Configuration(proxyBeanMethods = false)
class ContractsConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/contracts/openapi/**").addResourceLocations("classpath:/openapi/");
        registry.addResourceHandler("/contracts/wsdl/**").addResourceLocations("classpath:/wsdl/");
        registry.addResourceHandler("/contracts/xsd/**").addResourceLocations("classpath:/xsd/");
        registry.addResourceHandler("/contracts/samples/**").addResourceLocations("classpath:/samples/");
    }
}
