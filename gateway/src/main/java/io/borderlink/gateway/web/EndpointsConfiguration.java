package io.borderlink.gateway.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.borderlink.adapters.agency.AgencyExchangeController;
import io.borderlink.adapters.agency.AgencyExchangeSoapEndpoint;
import io.borderlink.adapters.agency.PolicyDryRunController;
import io.borderlink.adapters.flow.ApiProblems;
import io.borderlink.adapters.flow.Flows;
import io.borderlink.adapters.liaison.LiaisonInboundEndpoint;
import io.borderlink.adapters.liaison.LiaisonSoap;
import io.borderlink.adapters.soap.SingleBody;
import io.borderlink.adapters.soap.SoapRefusals;
import io.borderlink.adapters.wco.WcoInboundController;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.crypto.Digests;
import io.borderlink.gateway.submission.SubmissionRejections;
import io.borderlink.gateway.submission.SubmissionSettings;
import jakarta.xml.ws.Endpoint;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.camel.ProducerTemplate;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.staxutils.StaxUtils;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The adapters are plain classes; this is where the gateway makes them endpoints and beans, agency and partner. */
@Configuration(proxyBeanMethods = false)
class EndpointsConfiguration {

    @Bean
    Flows flows(ProducerTemplate template, SubmissionSettings settings, SubmissionRejections rejections) {
        return new Flows(
                template,
                settings.concurrencyOrDefault(),
                settings.admissionWait(),
                settings.maxPerCaller(),
                (submission, refusal) -> rejections.record(
                        null,
                        Digests.sha256(submission.document()),
                        submission.client(),
                        refusal.code(),
                        refusal.getMessage()));
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

    /**
     * Every JSON read (requests, partner answers, feeds) with explicit bounds rather than whatever the Jackson
     * version in use defaults to, and duplicate keys refused.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer boundedJson(WebLimits limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxStringLength(limits.jsonStringLength())
                .maxNestingDepth(limits.jsonNestingDepth())
                .maxNumberLength(limits.jsonNumberLength())
                .build();
        // A duplicate key is refused: which of its values a record took would depend on the parser.
        return builder -> builder.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(constraints));
    }

    /** SOAP {@code SubmitExchange} at /services/exchange, WSDL at /services/exchange?wsdl. */
    @Bean
    Endpoint agencyExchangeSoapEndpoint(Bus bus, Flows flows, WebLimits limits, SubmissionRejections rejections) {
        EndpointImpl endpoint = new EndpointImpl(bus, new AgencyExchangeSoapEndpoint(flows));
        limitStax(bus, endpoint, limits);
        endpoint.getInInterceptors().add(new SingleBody());
        endpoint.getOutFaultInterceptors()
                .add(new SoapRefusals(AgencyExchangeSoapEndpoint.NAMESPACE, audited(rejections)));
        endpoint.publish("/exchange");
        return endpoint;
    }

    /** SOAP {@code Deliver} for the liaison offices at /services/liaison, WSDL at /services/liaison?wsdl. */
    @Bean
    Endpoint liaisonInboundEndpoint(Bus bus, Flows flows, WebLimits limits, SubmissionRejections rejections) {
        EndpointImpl endpoint = new EndpointImpl(bus, new LiaisonInboundEndpoint(flows));
        limitStax(bus, endpoint, limits);
        endpoint.getInInterceptors().add(new SingleBody());
        endpoint.getOutFaultInterceptors().add(new SoapRefusals(LiaisonSoap.SERVICE_NAMESPACE, audited(rejections)));
        endpoint.publish("/liaison");
        return endpoint;
    }

    @Bean
    WcoInboundController wcoInboundController(Flows flows, SubmissionSettings settings) {
        return new WcoInboundController(
                flows, Math.toIntExact(settings.maxDocumentSize().toBytes()));
    }

    /**
     * CXF's StAX reader limits, on the bus and on each endpoint (which CXF consults first), so that every SOAP
     * endpoint has them. The element count and the characters were unbounded before CXF 4.1.9
     * (CVE-2026-108039); the others are tightened to the profile.
     */
    private static void limitStax(Bus bus, EndpointImpl endpoint, WebLimits limits) {
        Map<String, Object> properties = Map.of(
                StaxUtils.MAX_ELEMENT_COUNT, limits.soapElementCount(),
                StaxUtils.MAX_XML_CHARACTERS, limits.soapCharacters(),
                StaxUtils.MAX_ELEMENT_DEPTH, limits.soapElementDepth(),
                StaxUtils.MAX_CHILD_ELEMENTS, limits.soapChildElements(),
                StaxUtils.MAX_ATTRIBUTE_COUNT, limits.soapAttributeCount(),
                StaxUtils.MAX_ATTRIBUTE_SIZE, limits.soapAttributeSize(),
                StaxUtils.MAX_TEXT_LENGTH, limits.soapTextLength());
        properties.forEach(bus::setProperty);
        Map<String, Object> own = new HashMap<>(properties);
        if (endpoint.getProperties() != null) {
            own.putAll(endpoint.getProperties());
        }
        endpoint.setProperties(own);
    }

    private static BiConsumer<X509Certificate, GatewayException> audited(SubmissionRejections rejections) {
        return (client, refusal) -> rejections.record(null, null, client, refusal.code(), refusal.getMessage());
    }
}
