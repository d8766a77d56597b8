package io.borderlink.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.borderlink.contracts.api.DryRunResult;
import io.borderlink.contracts.api.ExchangeStatus;
import io.borderlink.contracts.api.InboundDryRunResult;
import io.borderlink.contracts.api.Receipt;
import io.borderlink.contracts.api.ShareStatus;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.xml.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The service contracts (WSDL, their schemas, OpenAPI) are well formed and agree with the Java API. */
class ServiceContractsTest {

    private static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";
    private static final String SOAP = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static final String XSD = "http://www.w3.org/2001/XMLSchema";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/xsd/exchange-v1.xsd",
                "/xsd/liaison-v1.xsd",
                "/xsd/agency-exchange-service-v1.xsd",
                "/xsd/liaison-service-v1.xsd",
                "/xsd/agency-inbound-service-v1.xsd",
                "/xsd/wco-enforcement-v1.xsd"
            })
    void schemaCompiles(String schema) {
        assertThatCode(() -> SecureXml.schema(schema)).doesNotThrowAnyException();
    }

    @Test
    void agencyWsdlDescribesSubmitExchange() {
        Document wsdl = resource("/wsdl/agency-exchange.wsdl");

        assertThat(attribute(wsdl, WSDL, "definitions", "targetNamespace"))
                .isEqualTo("urn:borderlink:service:exchange:1");
        assertThat(attribute(wsdl, WSDL, "service", "name")).isEqualTo("AgencyExchangeService");
        assertThat(attribute(wsdl, WSDL, "port", "name")).isEqualTo("AgencyExchangePort");
        assertThat(attribute(wsdl, SOAP, "address", "location")).isEqualTo("https://localhost:8443/services/exchange");
        assertThat(attribute(wsdl, SOAP, "operation", "soapAction"))
                .isEqualTo("urn:borderlink:service:exchange:1:SubmitExchange");
        assertThat(attribute(wsdl, SOAP, "binding", "transport")).isEqualTo("http://schemas.xmlsoap.org/soap/http");
        assertThat(partElements(wsdl))
                .containsExactlyInAnyOrder("SubmitExchangeRequest", "SubmitExchangeResponse", "GatewayFault");
        assertThat(globalElements(importedSchema(wsdl))).containsAll(partElements(wsdl));
    }

    @Test
    void liaisonWsdlDescribesDeliver() {
        Document wsdl = resource("/wsdl/liaison.wsdl");

        assertThat(attribute(wsdl, WSDL, "definitions", "targetNamespace"))
                .isEqualTo("urn:borderlink:partner:liaison:service:1");
        assertThat(attribute(wsdl, WSDL, "service", "name")).isEqualTo("LiaisonService");
        assertThat(attribute(wsdl, WSDL, "port", "name")).isEqualTo("LiaisonPort");
        assertThat(attribute(wsdl, SOAP, "operation", "soapAction"))
                .isEqualTo("urn:borderlink:partner:liaison:service:1:Deliver");
        assertThat(partElements(wsdl)).containsExactlyInAnyOrder("DeliverRequest", "DeliverResponse");
        assertThat(globalElements(importedSchema(wsdl))).containsAll(partElements(wsdl));
    }

    @Test
    void agencyInboundWsdlDescribesReceiveExchange() {
        Document wsdl = resource("/wsdl/agency-inbound.wsdl");

        assertThat(attribute(wsdl, WSDL, "definitions", "targetNamespace"))
                .isEqualTo("urn:borderlink:service:agency-inbound:1");
        assertThat(attribute(wsdl, WSDL, "service", "name")).isEqualTo("AgencyInboundService");
        assertThat(attribute(wsdl, WSDL, "port", "name")).isEqualTo("AgencyInboundPort");
        assertThat(attribute(wsdl, SOAP, "operation", "soapAction"))
                .isEqualTo("urn:borderlink:service:agency-inbound:1:ReceiveExchange");
        assertThat(partElements(wsdl)).containsExactlyInAnyOrder("ReceiveExchangeRequest", "ReceiveExchangeResponse");
        assertThat(globalElements(importedSchema(wsdl))).containsAll(partElements(wsdl));
    }

    @Test
    void soapFaultCodesAreExactlyTheErrorCodes() {
        Document schema = resource("/xsd/agency-exchange-service-v1.xsd");

        assertThat(enumerationOf(schema, "ErrorCode")).containsExactlyInAnyOrderElementsOf(errorCodes());
    }

    @Test
    void openApiNamesBothOperations() {
        assertThat(openApi())
                .startsWith("openapi: 3.0.3")
                .contains("title: Borderlink agency API", "url: https://localhost:8443")
                .contains("operationId: submitExchange", "operationId: getExchange")
                .contains("/api/v1/exchanges:", "/api/v1/exchanges/{exchangeId}:")
                .contains("application/problem+json", "urn:borderlink:error:");
    }

    @Test
    void openApiProblemCodesAreExactlyTheErrorCodes() {
        String api = openApi();
        String codes = api.substring(api.indexOf("    ErrorCode:"), api.indexOf("\n  responses:"));

        assertThat(codes.lines()
                        .map(String::strip)
                        .filter(l -> l.startsWith("- "))
                        .map(l -> l.substring(2)))
                .containsExactlyInAnyOrderElementsOf(errorCodes());
    }

    @Test
    void openApiSchemasMirrorTheApiRecords() {
        String api = openApi();

        for (Class<?> type : List.of(
                Receipt.class,
                ExchangeStatus.class,
                ShareStatus.class,
                DryRunResult.class,
                DryRunResult.DryRunDecision.class,
                DryRunResult.TraceEntry.class,
                InboundDryRunResult.class,
                InboundDryRunResult.AgencyDecision.class)) {
            String schema = schemaBlock(api, type.getSimpleName());
            assertThat(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName))
                    .allSatisfy(name -> assertThat(schema).contains("\n        " + name + ":"));
            assertThat(schema.lines().filter(l -> l.matches(" {8}[a-zA-Z]+:")))
                    .hasSize(type.getRecordComponents().length);
        }
    }

    @Test
    void openApiSchemasMirrorTheNarrativeDecisionOfADryRun() {
        String api = openApi();

        for (Class<?> type : List.of(DryRunResult.NarrativeDecision.class, DryRunResult.LeakHit.class)) {
            String schema = schemaBlock(api, type.getSimpleName());
            assertThat(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName))
                    .allSatisfy(name -> assertThat(schema).contains("\n        " + name + ":"));
            assertThat(schema.lines().filter(l -> l.matches(" {8}[a-zA-Z]+:")))
                    .hasSize(type.getRecordComponents().length);
        }
        assertThat(schemaBlock(api, "DryRunDecision")).contains("$ref: '#/components/schemas/NarrativeDecision'");
    }

    private static String schemaBlock(String api, String name) {
        int start = api.indexOf("\n    " + name + ":\n");
        int end = api.indexOf("\n    ", api.indexOf("\n      properties:", start) + 1);
        while (end >= 0 && api.startsWith("\n     ", end)) {
            end = api.indexOf("\n    ", end + 1);
        }
        return api.substring(start, end < 0 ? api.length() : end);
    }

    private static List<String> errorCodes() {
        return Stream.of(ErrorCode.values()).map(Enum::name).toList();
    }

    private static Document importedSchema(Document wsdl) {
        String location = attribute(wsdl, XSD, "import", "schemaLocation");
        return resource(URI.create("/wsdl/").resolve(location).getPath());
    }

    private static List<String> partElements(Document wsdl) {
        List<String> elements = new ArrayList<>();
        NodeList parts = wsdl.getElementsByTagNameNS(WSDL, "part");
        for (int i = 0; i < parts.getLength(); i++) {
            String qualified = ((Element) parts.item(i)).getAttribute("element");
            elements.add(qualified.substring(qualified.indexOf(':') + 1));
        }
        return elements;
    }

    private static List<String> globalElements(Document schema) {
        List<String> names = new ArrayList<>();
        NodeList elements = schema.getDocumentElement().getChildNodes();
        for (int i = 0; i < elements.getLength(); i++) {
            if (elements.item(i) instanceof Element e && "element".equals(e.getLocalName())) {
                names.add(e.getAttribute("name"));
            }
        }
        return names;
    }

    private static List<String> enumerationOf(Document schema, String simpleType) {
        NodeList types = schema.getElementsByTagNameNS(XSD, "simpleType");
        for (int i = 0; i < types.getLength(); i++) {
            Element type = (Element) types.item(i);
            if (simpleType.equals(type.getAttribute("name"))) {
                NodeList values = type.getElementsByTagNameNS(XSD, "enumeration");
                List<String> result = new ArrayList<>();
                for (int j = 0; j < values.getLength(); j++) {
                    result.add(((Element) values.item(j)).getAttribute("value"));
                }
                return result;
            }
        }
        throw new AssertionError("no simple type " + simpleType);
    }

    private static String attribute(Document doc, String namespace, String element, String attribute) {
        NodeList found = doc.getElementsByTagNameNS(namespace, element);
        assertThat(found.getLength()).as("<%s> in {%s}", element, namespace).isEqualTo(1);
        return ((Element) found.item(0)).getAttribute(attribute);
    }

    private static Document resource(String path) {
        return SecureXml.parse(bytes(path));
    }

    private static String openApi() {
        return new String(bytes("/openapi/borderlink-api.yaml"), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String path) {
        try (InputStream in = ServiceContractsTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
