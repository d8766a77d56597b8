package io.borderlink.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.testkit.PartnerFolders;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Policies changed on disk are applied without a restart once they pass validation and their own cases;
 * a bad change is refused, the previous policy stays in force, and both are audited.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PolicyReloadIT extends GatewayTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PARTNERS = PartnerFolders.copyOfTheRealPartners();

    @DynamicPropertySource
    static void partnersOnAFolderWeMayEdit(DynamicPropertyRegistry registry) {
        partnersFrom(PARTNERS, registry);
    }

    /** RU-LIAISON's file gets a new version that masks document numbers; the next decision uses it. */
    @Test
    @Order(1)
    void appliesAValidChangeWithoutARestart() throws Exception {
        edit("ru-liaison.yml", yaml -> yaml.replace("version: \"2026-11-27.1\"", "version: \"2026-11-28.1\"")
                .replace(
                        "    - { field: locations.description, action: DROP }",
                        "    - { field: locations.description, action: DROP }\n"
                                + "    - { field: persons.documents.number, action: MASK }"));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(russia().get("policyVersion").asText()).startsWith("2026-11-28.1@"));
        assertThat(russia().get("view").asText()).contains("<Number>***204</Number>");
        assertThat(jdbc.queryForList(
                        "SELECT detail FROM audit_event WHERE step = 'POLICY' AND outcome = 'OK'", String.class))
                .anySatisfy(detail -> assertThat(detail).contains("RU-LIAISON 2026-11-28.1@"));
    }

    /** A file with an unknown transformation is refused with its line; the previous policy stays. */
    @Test
    @Order(2)
    void refusesAnInvalidChangeAndKeepsThePreviousPolicy() throws Exception {
        String before = russia().get("policyVersion").asText();

        edit("ru-liaison.yml", yaml -> yaml.replace("version: \"2026-11-28.1\"", "version: \"2026-11-28.2\"")
                .replace("field: locations.description", "field: locations.smell"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForList(
                        "SELECT detail FROM audit_event WHERE step = 'POLICY' AND outcome = 'REJECTED'", String.class))
                .anySatisfy(detail -> assertThat(detail)
                        .contains("ru-liaison.yml, line")
                        .contains("unknown field 'locations.smell'")));
        assertThat(russia().get("policyVersion").asText()).isEqualTo(before);
    }

    /** A change that breaks one of the partner's own policy cases is refused as well. */
    @Test
    @Order(3)
    void refusesAChangeThatBreaksItsOwnPolicyCases() throws Exception {
        edit("ru-liaison.yml", yaml -> yaml.replace("field: locations.smell", "field: locations.description")
                .replace("    H2: HOLD", "    H2: RELEASE"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForList(
                        "SELECT detail FROM audit_event WHERE step = 'POLICY' AND outcome = 'REJECTED'", String.class))
                .anySatisfy(detail -> assertThat(detail).contains("02-border-incident-held-for-h2.yml")));
        assertThat(russia().get("decision").asText()).isEqualTo("HOLD");
    }

    private JsonNode russia() throws Exception {
        byte[] incident = ExchangeXml.write(fresh(Samples.borderIncidentFromBorderPolice()));
        JsonNode result =
                JSON.readTree(agency("mn-border").dryRun(incident, "RU-LIAISON").body());
        return result.get("decisions").get(0);
    }

    private static void edit(String file, java.util.function.UnaryOperator<String> change) {
        PartnerFolders.edit(PARTNERS, file, change);
    }
}
