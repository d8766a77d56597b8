package io.borderlink.gateway.web;

import io.borderlink.adapters.agency.AgencyExchangeController;
import io.borderlink.adapters.agency.AgencyExchangeSoapEndpoint;
import io.borderlink.adapters.agency.AgencyIntake;
import io.borderlink.adapters.agency.AgencyProblems;
import io.borderlink.adapters.agency.PolicyDryRunController;
import io.borderlink.gateway.intake.IntakeSettings;
import jakarta.xml.ws.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The adapters are plain classes; this is where the gateway makes them endpoints and beans. */
@Configuration(proxyBeanMethods = false)
class AgencyEndpointsConfiguration {

    @Bean
    AgencyIntake agencyIntake(ProducerTemplate template) {
        return new AgencyIntake(template);
    }

    @Bean
    AgencyExchangeController agencyExchangeController(AgencyIntake intake, IntakeSettings settings) {
        return new AgencyExchangeController(
                intake, Math.toIntExact(settings.maxDocumentSize().toBytes()));
    }

    @Bean
    PolicyDryRunController policyDryRunController(AgencyIntake intake, IntakeSettings settings) {
        return new PolicyDryRunController(
                intake, Math.toIntExact(settings.maxDocumentSize().toBytes()));
    }

    @Bean
    AgencyProblems agencyProblems() {
        return new AgencyProblems();
    }

    /** SOAP {@code SubmitExchange} at /services/exchange, WSDL at /services/exchange?wsdl. */
    @Bean
    Endpoint agencyExchangeSoapEndpoint(Bus bus, AgencyIntake intake) {
        EndpointImpl endpoint = new EndpointImpl(bus, new AgencyExchangeSoapEndpoint(intake));
        endpoint.publish("/exchange");
        return endpoint;
    }
}
