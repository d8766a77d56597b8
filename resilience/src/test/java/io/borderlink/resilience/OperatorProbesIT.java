package io.borderlink.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.testkit.DevTls;
import io.borderlink.testkit.GatewayProcess;
import io.borderlink.testkit.LoopbackPorts;
import io.borderlink.testkit.TestPostgres;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A gateway started from its jar, as an operator runs it, with the JSON logs of the prod profile: RU-LIAISON
 * is down (nothing listens at its endpoint). The health an administrator reads names the partner, its open
 * circuit and "connection refused", and the gateway stays ready and alive; the log lines about the delivery
 * are JSON objects carrying the exchange id, share id, partner and step. PostgreSQL is then stopped: readiness
 * goes down (an orchestrator stops routing to the node) while liveness stays up (no restart would help), and
 * readiness comes back with the database.
 */
class OperatorProbesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient PROBE = DevTls.client(DevTls.anonymous());
    private static final HttpClient ADMIN = DevTls.client("admin-1");

    @Test
    void aPartnerOutageDegradesAndADatabaseOutageMakesTheNodeUnreadyButNeverDead() throws Exception {
        try (Scenario scenario = new Scenario("operator-probes")) {
            String nobodyListens = "https://127.0.0.1:" + LoopbackPorts.free() + "/liaison";
            GatewayProcess node = scenario.node(
                    "a",
                    nobodyListens,
                    List.of("--logging.structured.format.console=ecs", "--borderlink.operations.readings-for=1s"));
            try (Submitter submitter =
                    new Submitter(Submitter.documents(scenario, 1), n -> node, Duration.ofSeconds(1))) {
                await().atMost(Duration.ofMinutes(1)).until(() -> submitter.accepted() == 1);
            }

            // Its circuit opens after three refused connections, then lets a probe through every 3 s.
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                JsonNode now = health(node, ADMIN, "/actuator/health");
                return now.get("status").asText().equals("DEGRADED")
                        && now.at("/components/partners/details/RU-LIAISON/lastError")
                                .asText()
                                .endsWith("connection refused");
            });
            HttpResponse<String> degraded = get(node, ADMIN, "/actuator/health");
            Files.writeString(scenario.folder.resolve("health-partner-down.json"), degraded.body());
            JsonNode health = JSON.readTree(degraded.body());
            assertThat(degraded.statusCode()).isEqualTo(200);
            assertThat(health.get("status").asText()).isEqualTo("DEGRADED");
            assertThat(health.at("/components/partners/details/RU-LIAISON/circuit")
                            .asText())
                    .isIn("OPEN", "HALF_OPEN");
            assertThat(health.at("/components/partners/details/RU-LIAISON/lastError")
                            .asText())
                    .isEqualTo("PARTNER_UNAVAILABLE: RU-LIAISON: connection refused");
            assertThat(health.at("/components/outbox/details/RU-LIAISON/shares").asInt())
                    .isEqualTo(1);
            JsonNode anonymous = health(node, PROBE, "/actuator/health");
            assertThat(anonymous.get("status").asText()).isEqualTo("DEGRADED");
            assertThat(anonymous.has("components")).isFalse();
            assertThat(get(node, PROBE, "/actuator/health/readiness").statusCode())
                    .isEqualTo(200);
            assertThat(deliveryFailures(node)).isNotEmpty().allSatisfy(line -> {
                assertThat(line.get("exchangeId").asText()).matches("[0-9a-f-]{36}");
                assertThat(line.get("shareId").asText()).matches("[0-9a-f-]{36}");
                assertThat(line.get("partner").asText()).isEqualTo("RU-LIAISON");
                assertThat(line.get("step").asText()).isEqualTo("outbox.deliver");
            });

            TestPostgres.shared().stop();
            try {
                await().atMost(Duration.ofMinutes(1))
                        .until(() ->
                                get(node, PROBE, "/actuator/health/readiness").statusCode() == 503);
                assertThat(get(node, PROBE, "/actuator/health/liveness").statusCode())
                        .isEqualTo(200);
            } finally {
                TestPostgres.shared().start();
            }
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> get(node, PROBE, "/actuator/health/readiness").statusCode() == 200);
        }
    }

    /** The JSON log lines of failed deliveries: "delivery of share … to RU-LIAISON failed with …". */
    private static List<JsonNode> deliveryFailures(GatewayProcess node) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(node.log())) {
            if (line.startsWith("{")) {
                JsonNode json = JSON.readTree(line);
                if (json.path("message").asText().startsWith("delivery of share")) {
                    lines.add(json);
                }
            } else {
                assertThat(line).as("every log line after start-up is JSON").doesNotContain(" INFO ");
            }
        }
        return lines;
    }

    private static JsonNode health(GatewayProcess node, HttpClient client, String path) throws Exception {
        return JSON.readTree(get(node, client, path).body());
    }

    private static HttpResponse<String> get(GatewayProcess node, HttpClient client, String path)
            throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(node.uri(path))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
