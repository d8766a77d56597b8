package io.borderlink.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.crypto.Digests;
import io.borderlink.gateway.support.GatewayTestSupport;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The real partner policies of config/partners in the running gateway: dry runs that decide and render
 * but send nothing, held shares that stay put, and released shares delivered in each partner's way.
 */
@TestPropertySource(properties = "borderlink.config.partners=config/partners")
class RealPoliciesIT extends GatewayTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A dry run of the H2 border incident: held for an officer, with its trace and rendered view; nothing sent. */
    @Test
    void dryRunShowsTheDecisionTraceAndPartnerViewAndSendsNothing() throws Exception {
        Exchange incident = fresh(Samples.borderIncidentFromBorderPolice());

        HttpResponse<String> response = agency("mn-border").dryRun(ExchangeXml.write(incident));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode russia = decision(JSON.readTree(response.body()), "RU-LIAISON");
        assertThat(russia.get("decision").asText()).isEqualTo("HOLD");
        assertThat(russia.get("ruleId").asText()).isEqualTo("handling-code");
        assertThat(russia.get("policyVersion").asText()).startsWith("2026-11-27.1@");
        assertThat(russia.get("trace").findValuesAsText("rule"))
                .contains("classification-ceiling", "releasable-to", "transform:locations.coordinates");
        assertThat(russia.get("view").asText())
                .contains("<Latitude>50.3</Latitude>")
                .doesNotContain("Munkhbat");
        assertThat(russia.get("format").asText()).isEqualTo("LIAISON_SOAP");
        assertThat(russia.get("rendered").asText()).contains("<LiaisonMessage").contains("<Lat>50.3</Lat>");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM exchange WHERE id = ?",
                        Integer.class,
                        incident.header().exchangeId()))
                .isZero();
        assertThat(auditOf(incident.header().exchangeId()))
                .singleElement()
                .satisfies(e -> assertThat(e).containsEntry("step", "DRY_RUN").containsEntry("actor", "MN-BORDER"));
    }

    /** A dry run for named partners decides for those, including one that is not configured. */
    @Test
    void dryRunDecidesForTheNamedPartnersOnly() throws Exception {
        Exchange incident = fresh(Samples.borderIncidentFromBorderPolice());

        JsonNode result = JSON.readTree(agency("mn-border")
                .dryRun(ExchangeXml.write(incident), "CN-LIAISON", "WCO-RILO", "XX-NOBODY")
                .body());

        assertThat(result.get("decisions").findValuesAsText("partner"))
                .containsExactly("CN-LIAISON", "WCO-RILO", "XX-NOBODY");
        assertThat(decision(result, "CN-LIAISON").get("ruleId").asText()).isEqualTo("releasable-to");
        assertThat(decision(result, "WCO-RILO").get("ruleId").asText()).isEqualTo("category-accepted");
        assertThat(decision(result, "XX-NOBODY").get("ruleId").asText()).isEqualTo("partner-known");
    }

    /** A dry run of something that is not a valid exchange gets the schema's refusal, audited as a dry run. */
    @Test
    void refusesADryRunOfAnInvalidExchange() throws Exception {
        byte[] invalid = new String(
                        ExchangeXml.write(fresh(Samples.borderIncidentFromBorderPolice())), StandardCharsets.UTF_8)
                .replace("<Category>BORDER_INCIDENT</Category>", "<Category>GOSSIP</Category>")
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = agency("mn-border").dryRun(invalid);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("SCHEMA_INVALID");
        assertThat(jdbc.queryForList(
                        "SELECT actor || ' ' || code FROM audit_event"
                                + " WHERE step = 'DRY_RUN' AND outcome = 'REJECTED' AND digest = ?",
                        String.class,
                        Digests.sha256(invalid)))
                .containsExactly("MN-BORDER SCHEMA_INVALID");
    }

    /** An agency dry-runs its own exchanges only: the border police asking about a customs report → 403, audited. */
    @Test
    void refusesAnAgencysDryRunOfAnotherAgencysExchange() throws Exception {
        byte[] customs = ExchangeXml.write(fresh(Samples.seizureReportFromCustoms()));

        HttpResponse<String> response = agency("mn-border").dryRun(customs);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("ORIGINATOR_MISMATCH");
        assertThat(jdbc.queryForList(
                        "SELECT actor || ' ' || code FROM audit_event"
                                + " WHERE step = 'DRY_RUN' AND outcome = 'REJECTED' AND digest = ?",
                        String.class,
                        Digests.sha256(customs)))
                .containsExactly("MN-BORDER ORIGINATOR_MISMATCH");
    }

    /** The H2 border incident submitted for real is held: stored, decided, but not sent. */
    @Test
    void holdsAShareThatNeedsAnOfficerAndDoesNotSendIt() throws Exception {
        Exchange incident = fresh(Samples.borderIncidentFromBorderPolice());

        assertThat(agency("mn-border").submit(protect(incident, "mn-border")).statusCode())
                .isEqualTo(202);

        JsonNode russia = share(incident.header().exchangeId(), "RU-LIAISON");
        assertThat(russia.get("decision").asText()).isEqualTo("HOLD");
        assertThat(russia.get("state").asText()).isEqualTo("HELD");
        assertThat(JSON.readTree(agency("mn-border")
                                .status(incident.header().exchangeId())
                                .body())
                        .get("state")
                        .asText())
                .isEqualTo("AWAITING_APPROVAL");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> RU_LIAISON
                .receivedFor(incident.header().correlationId())
                .isEmpty());
        assertThat(jdbc.queryForObject(
                        "SELECT trace FROM share WHERE exchange_id = ?",
                        String.class,
                        incident.header().exchangeId()))
                .contains("handling-code");
    }

    /** The stolen-vehicle alert is released to both liaisons; China's copy uses the key transport it reads. */
    @Test
    void releasesTheVehicleAlertToBothLiaisonsEachInItsOwnWay() throws Exception {
        Exchange alert = fresh(Samples.vehicleAlertFromBorderPolice());

        agency("mn-border").submit(protect(alert, "mn-border"));

        UUID correlation = alert.header().correlationId();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !RU_LIAISON.receivedFor(correlation).isEmpty()
                        && !CN_LIAISON.receivedFor(correlation).isEmpty());
        assertThat(RU_LIAISON.receivedFor(correlation).get(0).getBodyAsString())
                .contains("http://www.w3.org/2009/xmlenc11#rsa-oaep");
        assertThat(CN_LIAISON.receivedFor(correlation).get(0).getBodyAsString())
                .contains("http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p");
    }

    private JsonNode share(UUID exchangeId, String partner) throws Exception {
        JsonNode status = JSON.readTree(agency("mn-border").status(exchangeId).body());
        for (JsonNode share : status.get("shares")) {
            if (partner.equals(share.get("partner").asText())) {
                return share;
            }
        }
        throw new AssertionError("no share for " + partner + " in " + status);
    }

    private static JsonNode decision(JsonNode result, String partner) {
        for (JsonNode decision : result.get("decisions")) {
            if (partner.equals(decision.get("partner").asText())) {
                return decision;
            }
        }
        throw new AssertionError("no decision for " + partner + " in " + result);
    }
}
