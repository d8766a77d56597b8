package io.borderlink.gateway.web;

import io.borderlink.adapters.agency.AgencyExchangeController;
import io.borderlink.adapters.agency.AgencyExchangeSoapEndpoint;
import io.borderlink.adapters.agency.PolicyDryRunController;
import io.borderlink.adapters.flow.ApiProblems;
import io.borderlink.adapters.flow.Flows;
import io.borderlink.adapters.liaison.LiaisonInboundEndpoint;
import io.borderlink.adapters.wco.WcoInboundController;
import io.borderlink.gateway.submission.SubmissionSettings;
import jakarta.xml.ws.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The adapters are plain classes; this is where the gateway makes them endpoints and beans, agency and partner. */
@Configuration(proxyBeanMethods = false)
class EndpointsConfiguration {

    @Bean
    Flows flows(ProducerTemplate template) {
        return new Flows(template);
    }

    @Bean
    AgencyExchangeController agencyExchangeController(Flows flows, SubmissionSettings settings) {
        return new AgencyExchangeController(
                flows, Math.toIntExact(settings.maxDocumentSize().toBytes()));
    }

    @Bean
    PolicyDryRunController policyDryRunController(Flows flows, SubmissionSettings settings) {
        return new PolicyDryRunController(
                flows, Math.toIntExact(settings.maxDocumentSize().toBytes()));
    }

    @Bean
    ApiProblems apiProblems() {
        return new ApiProblems();
    }

    /** SOAP {@code SubmitExchange} at /services/exchange, WSDL at /services/exchange?wsdl. */
    @Bean
    Endpoint agencyExchangeSoapEndpoint(Bus bus, Flows flows) {
        EndpointImpl endpoint = new EndpointImpl(bus, new AgencyExchangeSoapEndpoint(flows));
        endpoint.publish("/exchange");
        return endpoint;
    }

    /** SOAP {@code Deliver} for the liaison offices at /services/liaison, WSDL at /services/liaison?wsdl. */
    @Bean
    Endpoint liaisonInboundEndpoint(Bus bus, Flows flows) {
        EndpointImpl endpoint = new EndpointImpl(bus, new LiaisonInboundEndpoint(flows));
        endpoint.publish("/liaison");
        return endpoint;
    }

    @Bean
    WcoInboundController wcoInboundController(Flows flows, SubmissionSettings settings) {
        return new WcoInboundController(
                flows, Math.toIntExact(settings.maxDocumentSize().toBytes()));
    }
}
