package io.borderlink.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.gateway.support.GatewayClient;
import io.borderlink.gateway.support.GatewayTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.TestPropertySource;

/**
 * The alert rules and the dashboard in ops/ against a running gateway, under the real partner policies: after
 * one exchange of each fate (refused, held and approved, delivered, retried, dead-lettered), every metric
 * they name is on {@code /actuator/prometheus}, and its tag values are the configured ids.
 */
// Spring Boot's tests turn metrics export (and with it /actuator/prometheus) off unless asked for it.
@AutoConfigureObservability
@TestPropertySource(properties = "borderlink.config.partners=config/partners")
class OperationsMetricsIT extends GatewayTestSupport {

    private static final Pattern METRIC = Pattern.compile("\\b((?:borderlink|camel)_[a-z0-9_]+)\\b");
    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyMetricTheAlertRulesAndTheDashboardNameIsOnARunningGateway() throws Exception {
        everyFate();

        String scrape = scrape();
        Files.createDirectories(Path.of("gateway/target/operations"));
        Files.writeString(Path.of("gateway/target/operations/prometheus.txt"), scrape);
        Set<String> exposed = new TreeSet<>();
        Matcher sample = SAMPLE.matcher(scrape);
        while (sample.find()) {
            exposed.add(sample.group(1));
        }
        Set<String> named = new TreeSet<>();
        named.addAll(metrics(Files.readString(OperationsFilesTest.RULES)));
        named.addAll(metrics(dashboardExpressions()));

        assertThat(named).hasSizeGreaterThan(25);
        assertThat(named)
                .allSatisfy(metric ->
                        assertThat(exposed).as("series on /actuator/prometheus").contains(metric));
        assertThat(scrape)
                .contains(
                        "borderlink_exchanges_refused_total{application=\"borderlink\",code=\"CERT_REVOKED\",sender=\"MN-CUSTOMS\"}")
                .contains(
                        "borderlink_shares_decided_total{application=\"borderlink\",decision=\"HELD\",recipient=\"RU-LIAISON\"}")
                .contains(
                        "borderlink_delivery_failures_total{application=\"borderlink\",cause=\"HTTP_STATUS\",recipient=\"RU-LIAISON\"}")
                .contains("borderlink_commit_units_count{application=\"borderlink\"}");
    }

    /** Every metric name in a text: PromQL expressions, a rules file. */
    static Set<String> metrics(String text) {
        Set<String> names = new TreeSet<>();
        Matcher metric = METRIC.matcher(text);
        while (metric.find()) {
            names.add(metric.group(1));
        }
        return names;
    }

    static String dashboardExpressions() throws IOException {
        StringBuilder expressions = new StringBuilder();
        for (JsonNode panel :
                JSON.readTree(OperationsFilesTest.DASHBOARD.toFile()).get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.append(target.get("expr").asText()).append('\n');
            }
        }
        return expressions.toString();
    }

    /**
     * A customs exchange signed with a revoked certificate (refused); a wanted person held for RU-LIAISON and
     * approved (delivered); a vehicle alert RU-LIAISON first answers 503 (retried), then 400 (dead-lettered).
     */
    private void everyFate() throws Exception {
        Exchange revoked = fresh(Samples.seizureReportFromCustoms());
        assertThat(agency("mn-customs")
                        .submit(protect(revoked, "mn-customs-revoked"))
                        .statusCode())
                .isEqualTo(403);

        Exchange wanted = submitted(Samples.wantedPersonFromBorderPolice());
        UUID task = share(wanted, "HELD");
        String digest = JSON.readTree(
                        agency("officer-2").get("/api/v1/approvals/" + task).body())
                .get("viewDigest")
                .asText();
        assertThat(agency("officer-2")
                        .postJson(
                                "/api/v1/approvals/" + task + "/approve",
                                "{\"viewDigest\":\"" + digest + "\",\"reason\":\"Releasable under the agreement.\"}")
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> state(task).equals("DELIVERED"));

        RU_LIAISON.answer(503);
        UUID failing = share(submitted(Samples.vehicleAlertFromBorderPolice()), "PENDING");
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        jdbc.queryForObject("SELECT attempts FROM share WHERE id = ?", Integer.class, failing) >= 1);
        RU_LIAISON.answer(400);
        await().atMost(Duration.ofSeconds(30)).until(() -> state(failing).equals("DEAD_LETTER"));
        RU_LIAISON.answer(200);
    }

    private Exchange submitted(byte[] sample) {
        Exchange exchange = fresh(sample);
        assertThat(agency("mn-border").submit(protect(exchange, "mn-border")).statusCode())
                .isEqualTo(202);
        return exchange;
    }

    private UUID share(Exchange exchange, String state) {
        return jdbc.queryForObject(
                "SELECT id FROM share WHERE exchange_id = ? AND recipient_id = 'RU-LIAISON' AND state = ?",
                UUID.class,
                exchange.header().exchangeId(),
                state);
    }

    private String state(UUID share) {
        return jdbc.queryForObject("SELECT state FROM share WHERE id = ?", String.class, share);
    }

    private String scrape() {
        return GatewayClient.anonymous(port).get("/actuator/prometheus").body();
    }
}
