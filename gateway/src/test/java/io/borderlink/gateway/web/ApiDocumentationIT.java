package io.borderlink.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.gateway.support.GatewayTestSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Integrators find every API documented on the gateway itself: the agency contract and the people's APIs. */
class ApiDocumentationIT extends GatewayTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void servesTheAgencyContractAsWritten() {
        HttpResponse<String> contract = agency("mn-border").get("/contracts/openapi/borderlink-api.yaml");

        assertThat(contract.statusCode()).isEqualTo(200);
        assertThat(contract.body()).contains("operationId: submitExchange");
    }

    @Test
    void documentsTheApisForOfficersAuditorsAndAdministrators() throws Exception {
        JsonNode people =
                JSON.readTree(agency("mn-border").get("/v3/api-docs/people").body());

        assertThat(people.get("paths").fieldNames())
                .toIterable()
                .contains(
                        "/api/v1/approvals/{shareId}/approve",
                        "/api/v1/audit/verify",
                        "/api/v1/audit/exports",
                        "/api/v1/dead-letters/{shareId}/resend",
                        "/api/v1/dead-letters/{shareId}/abandon")
                .noneMatch(path -> path.startsWith("/api/v1/exchanges"));
    }

    @Test
    void offersBothInSwaggerUi() throws Exception {
        JsonNode config = JSON.readTree(
                agency("mn-border").get("/v3/api-docs/swagger-config").body());

        assertThat(config.get("urls").findValuesAsText("url"))
                .containsExactlyInAnyOrder("/contracts/openapi/borderlink-api.yaml", "/v3/api-docs/people");
    }
}
