package io.borderlink.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.gateway.support.GatewayTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The operations endpoints on a port of their own, as production serves them (plain HTTP on the private network):
 * what that server refuses is answered as the gateway's port answers it, with a stable code in problem JSON and an
 * audit event, not Spring Boot's error page.
 */
@AutoConfigureObservability
@TestPropertySource(
        properties = {
            "management.server.port=0",
            "management.server.address=127.0.0.1",
            "management.server.ssl.enabled=false"
        })
class ManagementServerRefusalsIT extends GatewayTestSupport {

    private static final HttpClient PLAIN = HttpClient.newHttpClient();

    @LocalManagementPort
    private int managementPort;

    @Test
    void theHealthOfTheNodeIsAnsweredThere() {
        HttpResponse<String> health = send("GET", "/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void whatItRefusesIsAnsweredWithACodeAndAnAuditEvent() {
        for (String path : List.of("/actuator/health/no-such-group", "/actuator/no-such-endpoint")) {
            HttpResponse<String> answer = send("GET", path);

            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
            assertThat(answer.body()).as(path).contains("\"code\":\"NOT_FOUND\"");
        }
        HttpResponse<String> elsewhere = send("GET", "/no-such-path");
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(elsewhere.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(elsewhere.body()).contains("\"code\":\"ACCESS_DENIED\"");
        HttpResponse<String> posted = send("POST", "/actuator/health");
        assertThat(posted.statusCode()).isEqualTo(405);
        assertThat(posted.body()).contains("\"code\":\"METHOD_NOT_ALLOWED\"");
        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE code = 'NOT_FOUND'", String.class))
                .anySatisfy(detail -> assertThat(detail).contains("/actuator/health/no-such-group"))
                .anySatisfy(detail -> assertThat(detail).contains("/actuator/no-such-endpoint"));
    }

    private HttpResponse<String> send(String method, String path) {
        try {
            return PLAIN.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                            .method(method, HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
