package io.borderlink.gateway.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.exchange.Classification;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.PartnerFolders;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Agency files changed on disk are applied without a restart once they load and pass the agencies' inbound cases:
 * a certificate withdrawn (here: replaced in place) no longer submits for its agency and one registered again does,
 * a changed inbound rule decides the next exchange; a bad change is refused, audited, and the agencies in force stay.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgencyReloadIT extends GatewayTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path AGENCIES = PartnerFolders.copyOf(Path.of("config/agencies"));
    private static final Path MN_BORDER_CERTIFICATE =
            PartnerFolders.ownCopy(AGENCIES, "mn-border.yml", "mn-border.crt.pem");

    @Autowired
    private Agencies agencies;

    @DynamicPropertySource
    static void agenciesOnAFolderWeMayEdit(DynamicPropertyRegistry registry) {
        registry.add("borderlink.config.agencies", AGENCIES::toString);
        registry.add("borderlink.config.watch-interval", () -> "200ms");
    }

    @Test
    @Order(1)
    void aCertificateWithdrawnFromAnAgencyNoLongerSubmitsForItAndOneRegisteredAgainDoes() {
        assertThat(submitAsBorderPolice().statusCode()).isEqualTo(202);

        // Another certificate in the file's place: MN-BORDER's own is no longer registered to anyone.
        PartnerFolders.replace(MN_BORDER_CERTIFICATE, DevPki.file("mn-customs-expired.crt.pem"));
        await().atMost(Duration.ofSeconds(10)).until(() -> agencies.current()
                .byCertificate(DevPki.certificate("mn-border"))
                .isEmpty());
        HttpResponse<String> withdrawn = submitAsBorderPolice();
        assertThat(withdrawn.statusCode()).isEqualTo(403);
        assertThat(withdrawn.body()).contains("ACCESS_DENIED");
        assertThat(jdbc.queryForList(
                        "SELECT detail FROM audit_event WHERE step = 'POLICY' AND outcome = 'OK'", String.class))
                .anySatisfy(detail -> assertThat(detail).startsWith("applied agency configuration agencies@"));

        PartnerFolders.replace(MN_BORDER_CERTIFICATE, DevPki.file("mn-border.crt.pem"));
        await().atMost(Duration.ofSeconds(10)).until(() -> agencies.current()
                .byCertificate(DevPki.certificate("mn-border"))
                .isPresent());
        assertThat(submitAsBorderPolice().statusCode()).isEqualTo(202);
    }

    /** Raising MN-BORDER's ceiling breaks its own case that a CONFIDENTIAL incident is denied: refused, kept. */
    @Test
    @Order(2)
    void refusesAChangeThatFailsAnAgencysOwnCasesAndKeepsTheAgenciesInForce() throws Exception {
        String before = agencies.current().version();

        PartnerFolders.edit(
                AGENCIES,
                "mn-border.yml",
                yaml -> yaml.replace("classification-ceiling: RESTRICTED", "classification-ceiling: CONFIDENTIAL"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !refusals().isEmpty());
        assertThat(refusals())
                .singleElement()
                .asString()
                .contains("02-confidential-above-the-ceiling-denied.yml")
                .contains("expected DENY");
        assertThat(agencies.current().version()).isEqualTo(before);
        assertThat(borderPoliceDecisionOnAConfidentialAlert()).isEqualTo("DENY classification-ceiling");
    }

    /** The same ceiling with the case that expects it: applied, and the next inbound decision follows it. */
    @Test
    @Order(3)
    void appliesAChangedInboundRuleToTheNextDecision() throws Exception {
        String before = agencies.current().version();

        PartnerFolders.edit(
                AGENCIES.resolve("mn-border/cases"),
                "02-confidential-above-the-ceiling-denied.yml",
                yaml -> yaml.replace("decision: DENY", "decision: RELEASE")
                        .replace("rule: classification-ceiling", "rule: inbound-receives[0]"));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !agencies.current().version().equals(before));
        assertThat(borderPoliceDecisionOnAConfidentialAlert()).isEqualTo("RELEASE inbound-receives[0]");
    }

    private HttpResponse<String> submitAsBorderPolice() {
        return agency("mn-border").submit(protect(fresh(Samples.borderIncidentFromBorderPolice()), "mn-border"));
    }

    /** MN-BORDER's decision, and its rule, in an inbound dry run of a CONFIDENTIAL vehicle alert from RU-LIAISON. */
    private String borderPoliceDecisionOnAConfidentialAlert() throws IOException {
        Exchange sample = fresh(Samples.vehicleAlertFromBorderPolice());
        Exchange alert = sample.withHeader(sample.header().withAddressees(List.of()))
                .withMarkings(sample.markings().withClassification(Classification.CONFIDENTIAL));
        HttpResponse<String> answer =
                agency("officer-1").dryRunInbound(ExchangeXml.write(alert), "RU-LIAISON", "MN-BORDER");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode decision = JSON.readTree(answer.body()).get("decisions").get(0);
        return decision.get("decision").asText() + " " + decision.get("ruleId").asText();
    }

    private List<String> refusals() {
        return jdbc.queryForList(
                "SELECT detail FROM audit_event WHERE step = 'POLICY' AND outcome = 'REJECTED'"
                        + " AND code = 'CONFIGURATION_INVALID'",
                String.class);
    }
}
