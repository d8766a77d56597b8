package io.borderlink.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.Narrative;
import io.borderlink.contracts.exchange.Tearline;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.JoseCrypto;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.gateway.support.PartnerStub;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.PartnerSide;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * Tearlines under the real partner policies of config/partners: the border incident's liaison view no
 * longer states the exact spot, what the partners receive is the tearline meant for each, and a text that
 * gives back a removed value is held with a trace that names its kind, never the value.
 */
@TestPropertySource(properties = "borderlink.config.partners=config/partners")
@ExtendWith(OutputCaptureExtension.class)
class TearlinesUnderRealPoliciesIT extends GatewayTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JoseCrypto JOSE = new JoseCrypto();

    /** A dry run of the border incident: Kyakhta's view and message carry the tearline, not the spot or the time. */
    @Test
    void kyakhtaGetsTheIncidentsTearlineAndNotTheExactSpot() throws Exception {
        Exchange incident = fresh(Samples.borderIncidentFromBorderPolice());

        JsonNode russia = dryRun(incident, "RU-LIAISON");

        assertThat(russia.get("decision").asText()).isEqualTo("HOLD");
        assertThat(russia.get("ruleId").asText()).isEqualTo("handling-code");
        assertThat(russia.get("narrative").get("rule").asText()).isEqualTo("HOLD_FOR_REVIEW");
        assertThat(russia.get("narrative").get("source").asText()).isEqualTo("TEARLINE");
        assertThat(russia.get("narrative").get("tearline").asText()).isEqualTo("T1");
        assertThat(russia.get("narrative").get("hits")).isEmpty();
        assertThat(russia.get("view").asText() + russia.get("rendered").asText())
                .contains("near the Altanbulag crossing point")
                .doesNotContain("3.8 km")
                .doesNotContain("02:10")
                .doesNotContain("150 m south")
                .doesNotContain("Tearline");
        assertThat(russia.get("trace").findValuesAsText("rule")).contains("narrative", "leak-check");
    }

    /** The same incident without its tearline: the dry run shows the narrative held for review and what leaks. */
    @Test
    void withoutItsTearlineTheIncidentIsHeldAndTheDryRunNamesTheLeaks() throws Exception {
        Exchange incident = withTearlines(fresh(Samples.borderIncidentFromBorderPolice()));

        JsonNode russia = dryRun(incident, "RU-LIAISON");

        assertThat(russia.get("decision").asText()).isEqualTo("HOLD");
        assertThat(russia.get("narrative").get("source").asText()).isEqualTo("AS_WRITTEN");
        assertThat(russia.get("narrative").get("hits").findValuesAsText("kind"))
                .containsExactlyInAnyOrder("FINE_DISTANCE", "LOCATION_DESCRIPTION");
        assertThat(russia.get("narrative").get("hits").findValuesAsText("rule"))
                .containsExactlyInAnyOrder("transform:locations.coordinates", "transform:locations.description");
    }

    /** The vehicle alert reaches both liaison offices with its tearline as their summary, not "Ulaanbaatar". */
    @Test
    void theLiaisonOfficesReceiveTheVehicleAlertsTearline() {
        Exchange alert = fresh(Samples.vehicleAlertFromBorderPolice());
        String tearline = alert.body().tearlines().get(0).text().text();

        assertThat(agency("mn-border").submit(protect(alert, "mn-border")).statusCode())
                .isEqualTo(202);

        for (PartnerStub office : List.of(RU_LIAISON, CN_LIAISON)) {
            String key = office == RU_LIAISON ? "ru-liaison" : "cn-liaison";
            assertThat(liaisonMessage(office, key, alert))
                    .contains("<Summary language=\"en\">" + tearline + "</Summary>")
                    .doesNotContain("Ulaanbaatar")
                    .doesNotContain("Bayanzürkh");
        }
    }

    /** The missing person reaches the NCB with the tearline written for INTERPOL as the notice's summary. */
    @Test
    void theNcbReceivesTheMissingPersonsTearlineAsTheSummary() throws Exception {
        Exchange missing = fresh(Samples.missingPersonFromBorderPolice());

        assertThat(agency("mn-border").submit(protect(missing, "mn-border")).statusCode())
                .isEqualTo(202);

        String correlation = missing.header().correlationId().toString();
        JsonNode notice = await().atMost(Duration.ofSeconds(15)).until(() -> noticeWith(correlation), n -> n != null);
        assertThat(notice.get("summary").asText())
                .isEqualTo(missing.body().tearlines().get(0).text().text());
        assertThat(notice.toString()).doesNotContain("minibus stand").doesNotContain("14:30");
    }

    /**
     * A tearline for CHN that names the district of the dropped description: Erenhot's share is held by the
     * leak check, and neither the trace, the audit trail nor the log carries the name.
     */
    @Test
    void holdsALeakingTearlineAndNamesOnlyTheKindOfHit(CapturedOutput output) throws Exception {
        Exchange alert = fresh(Samples.vehicleAlertFromBorderPolice());
        Exchange leaking = withTearlines(
                alert,
                new Tearline(
                        "T1",
                        List.of(),
                        List.of("CHN"),
                        alert.body().tearlines().get(0).classification(),
                        alert.body().tearlines().get(0).tlp(),
                        new Narrative("Stolen from a car park in Bayanzürkh district during the night.", "en")));

        assertThat(agency("mn-border").submit(protect(leaking, "mn-border")).statusCode())
                .isEqualTo(202);

        UUID id = alert.header().exchangeId();
        String trace = jdbc.queryForObject(
                "SELECT trace FROM share WHERE exchange_id = ? AND recipient_id = 'CN-LIAISON' AND state = 'HELD'",
                String.class,
                id);
        assertThat(trace).contains("PLACE_NAME (transform:locations.description)");
        assertThat(jdbc.queryForObject(
                        "SELECT rule_id FROM share WHERE exchange_id = ? AND recipient_id = 'CN-LIAISON'",
                        String.class,
                        id))
                .isEqualTo("leak-check");
        String audit = jdbc.queryForList("SELECT detail FROM audit_event WHERE exchange_id = ?", String.class, id)
                .toString();
        assertThat(audit).contains("PLACE_NAME");
        for (String told : List.of(trace, audit, output.getAll())) {
            assertThat(told).doesNotContain("Bayanz").doesNotContain("car park");
        }
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> CN_LIAISON
                .receivedFor(alert.header().correlationId())
                .isEmpty());
    }

    private JsonNode dryRun(Exchange exchange, String partner) throws Exception {
        JsonNode result = JSON.readTree(
                agency("mn-border").dryRun(ExchangeXml.write(exchange), partner).body());
        return result.get("decisions").get(0);
    }

    private static Exchange withTearlines(Exchange exchange, Tearline... tearlines) {
        return exchange.withBody(exchange.body().withNarrative(exchange.body().narrative(), List.of(tearlines)));
    }

    private static String liaisonMessage(PartnerStub office, String key, Exchange sent) {
        UUID correlation = sent.header().correlationId();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !office.receivedFor(correlation).isEmpty());
        return new String(
                SecureXml.serialize(
                        PartnerSide.open(office.receivedFor(correlation).get(0).getBody(), key)
                                .message()),
                StandardCharsets.UTF_8);
    }

    /** The notice whose envelope names this correlation id, opened as the NCB would; null while none came. */
    private static JsonNode noticeWith(String correlation) throws Exception {
        for (var request : INTERPOL_NCB.received()) {
            byte[] jws = JOSE.decrypt(
                    request.getBodyAsString(), DevPki.key("interpol-ncb").privateKey());
            JsonNode notice = JSON.readTree(
                    JOSE.verify(new String(jws, StandardCharsets.US_ASCII), DevPki.certificate("gateway")));
            if (notice.toString().contains(correlation)) {
                return notice;
            }
        }
        return null;
    }
}
