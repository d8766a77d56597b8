package io.borderlink.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The files operators import: the Prometheus alert rules parse, each rule says what it is about, its unit
 * tests pass with promtool (Debian's {@code prometheus} package; required with
 * {@code -Dborderlink.promtool.required=true}, as .ci/run sets), and the Grafana dashboard is well formed.
 * That their metrics exist on a running gateway is {@link OperationsMetricsIT}'s.
 */
class OperationsFilesTest {

    static final Path RULES = Path.of("ops/prometheus/borderlink-alerts.yml");
    static final Path DASHBOARD = Path.of("ops/grafana/borderlink-dashboard.json");
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final Path RULE_TESTS = Path.of("ops/prometheus/borderlink-alerts.test.yml");

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertRuleHasAnExpressionASeverityAndAnExplanation() throws IOException {
        Map<String, Object> file;
        try (InputStream in = Files.newInputStream(RULES)) {
            file = new Yaml().load(in);
        }
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            assertThat(group.get("name")).asString().startsWith("borderlink-");
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }

        assertThat(rules)
                .extracting(rule -> rule.get("alert"))
                .contains(
                        "BorderlinkPartnerDown",
                        "BorderlinkOutboxBackingUp",
                        "BorderlinkCertificateExpiring",
                        "BorderlinkCrlExpiring",
                        "BorderlinkAuditChainStalled",
                        "BorderlinkRefusalsSpiking")
                .doesNotHaveDuplicates();
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.get("expr")).asString().isNotBlank();
            assertThat(balanced(rule.get("expr").toString())).isTrue();
            assertThat(((Map<String, Object>) rule.get("labels")).get("severity"))
                    .isIn("warning", "critical");
            assertThat(((Map<String, Object>) rule.get("annotations"))).containsKeys("summary", "description");
        });
    }

    /** promtool checks the PromQL and runs the rules' unit tests (an alert fires when, and only when, it should). */
    @Test
    void promtoolAcceptsTheRulesAndTheirUnitTestsPass() throws Exception {
        boolean required = Boolean.getBoolean("borderlink.promtool.required");
        assumeTrue(required || Files.isExecutable(PROMTOOL), "promtool is not installed (apt-get install prometheus)");

        assertThat(promtool("check", "rules", RULES.toString())).contains("SUCCESS");
        assertThat(promtool("test", "rules", RULE_TESTS.toString())).contains("SUCCESS");
    }

    @Test
    void theDashboardIsAGrafanaDashboardOnAPrometheusDataSource() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());

        assertThat(dashboard.get("uid").asText()).isEqualTo("borderlink");
        assertThat(dashboard.get("templating").get("list").findValuesAsText("name"))
                .contains("datasource", "recipient");
        List<JsonNode> panels = new ArrayList<>();
        dashboard.get("panels").forEach(panels::add);
        assertThat(panels).extracting(panel -> panel.get("id").asInt()).doesNotHaveDuplicates();
        assertThat(panels)
                .filteredOn(panel -> !"row".equals(panel.get("type").asText()))
                .hasSizeGreaterThan(15)
                .allSatisfy(panel -> {
                    assertThat(panel.get("title").asText()).isNotBlank();
                    assertThat(panel.get("datasource").get("uid").asText()).isEqualTo("${datasource}");
                    assertThat(panel.get("targets")).isNotEmpty().allSatisfy(target -> assertThat(
                                    balanced(target.get("expr").asText()))
                            .isTrue());
                });
    }

    private static String promtool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** Brackets, braces and parentheses close in order: the least a PromQL expression must do. */
    private static boolean balanced(String expression) {
        StringBuilder open = new StringBuilder();
        boolean quoted = false;
        for (char c : expression.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && "([{".indexOf(c) >= 0) {
                open.append(c);
            } else if (!quoted && ")]}".indexOf(c) >= 0) {
                if (open.isEmpty() || "([{".indexOf(open.charAt(open.length() - 1)) != ")]}".indexOf(c)) {
                    return false;
                }
                open.setLength(open.length() - 1);
            }
        }
        return open.isEmpty() && !quoted;
    }
}
