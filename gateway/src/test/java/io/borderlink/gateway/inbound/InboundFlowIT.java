package io.borderlink.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.adapters.wco.WcoInboundController;
import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Classification;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.HandlingCode;
import io.borderlink.contracts.exchange.Markings;
import io.borderlink.contracts.exchange.SourceRef;
import io.borderlink.contracts.exchange.Tlp;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.testkit.PartnerSide;
import io.borderlink.testkit.PartnerSide.Sent;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Partner → agencies, end to end under the real partner and agency files: a liaison office delivers
 * over SOAP and the customs network posts XML, each authenticated by its own CA; the gateway verifies,
 * translates, applies the agencies' inbound rules, and delivers the canonical exchange, signed by the
 * gateway and encrypted to each agency, to the agencies' own endpoints (REST for Customs, SOAP for the
 * Border authority). Every refusal is a stable code, an audit event naming the sender, and nothing stored.
 */
@TestPropertySource(properties = "borderlink.config.partners=config/partners")
class InboundFlowIT extends GatewayTestSupport {

    @Test
    void deliversAVehicleAlertFromTheRussianOfficeToCustomsAndTheBorderAuthority() {
        Sent alert = liaison("ru-liaison", Map.of());

        HttpResponse<String> answer = agency("ru-liaison").deliverLiaison(alert.bytes());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body())
                .contains("<Status>ACCEPTED</Status>")
                .contains(alert.messageId().toString());
        UUID exchangeId = exchangeIdOf("RU-LIAISON", alert);
        Exchange atCustoms = deliveredTo(MN_CUSTOMS, "mn-customs", alert.messageId());
        Exchange atBorder = deliveredTo(MN_BORDER, "mn-border", alert.messageId());
        for (Exchange delivered : List.of(atCustoms, atBorder)) {
            assertThat(delivered.header().exchangeId()).isEqualTo(exchangeId);
            assertThat(delivered.header().originator()).isEqualTo("RU-LIAISON");
            assertThat(delivered.header().category()).isEqualTo(Category.VEHICLE_ALERT);
            assertThat(delivered.header().sourceRefs())
                    .contains(new SourceRef("RU-LIAISON", alert.messageId().toString()));
        }
        assertThat(MN_BORDER.receivedFor(alert.messageId()).get(0).getHeader("SOAPAction"))
                .contains("ReceiveExchange");
        assertThat(MN_CUSTOMS.receivedFor(alert.messageId()).get(0).getHeader("Content-Type"))
                .startsWith("application/xml");
        assertThat(shareStates(exchangeId))
                .containsEntry("MN-CUSTOMS", "DELIVERED")
                .containsEntry("MN-BORDER", "DELIVERED")
                .containsEntry("MN-DEFENCE", "DENIED");
        assertThat(MN_DEFENCE.receivedFor(alert.messageId())).isEmpty();
        assertThat(auditOf(exchangeId))
                .extracting(e -> e.get("step") + "/" + e.get("outcome"))
                .contains("RECEIVE/OK", "DECIDE/RELEASED", "DECIDE/DENIED", "ACCEPT/OK", "DELIVER/OK");
        assertThat(jdbc.queryForObject("SELECT direction FROM exchange WHERE id = ?", String.class, exchangeId))
                .isEqualTo("INBOUND");
    }

    @Test
    void answersARepeatedMessageAsADuplicateAndDeliversItOnce() {
        Sent alert = liaison("cn-liaison", Map.of("From", "CN-LIAISON"));
        assertThat(agency("cn-liaison").deliverLiaison(alert.bytes()).body()).contains("ACCEPTED");
        deliveredTo(MN_CUSTOMS, "mn-customs", alert.messageId());

        HttpResponse<String> again = agency("cn-liaison").deliverLiaison(alert.bytes());

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("<Status>DUPLICATE</Status>");
        assertThat(MN_CUSTOMS.receivedFor(alert.messageId())).hasSize(1);
    }

    @Test
    void refusesAReusedMessageIdWithOtherContentAsAReplay() {
        Sent first = liaison("ru-liaison", Map.of());
        assertThat(agency("ru-liaison").deliverLiaison(first.bytes()).statusCode())
                .isEqualTo(200);
        String id = first.messageId().toString();
        Sent other = liaison("ru-liaison", Map.of("MessageId", id, "CorrelationId", id, "Originator", "RU-OTHER"));

        HttpResponse<String> answer = agency("ru-liaison").deliverLiaison(other.bytes());

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("<Code>EXCHANGE_REPLAYED</Code>");
        assertRefusalAudited(exchangeIdOf("RU-LIAISON", first), "EXCHANGE_REPLAYED", "RU-LIAISON");
    }

    @Test
    void refusesAMessageSignedByAnotherPartnerThanTheOneConnected() {
        Sent signedByChina = liaison("cn-liaison", Map.of());

        HttpResponse<String> answer = agency("ru-liaison").deliverLiaison(signedByChina.bytes());

        assertThat(answer.body()).contains("<Code>ORIGINATOR_MISMATCH</Code>");
        assertRefusalAudited(exchangeIdOf("RU-LIAISON", signedByChina), "ORIGINATOR_MISMATCH", "RU-LIAISON");
        assertNothingStored(exchangeIdOf("RU-LIAISON", signedByChina));
    }

    @Test
    void refusesAMessageThatClaimsToComeFromAnotherOffice() {
        Sent claimsChina = liaison("ru-liaison", Map.of("From", "CN-LIAISON"));

        HttpResponse<String> answer = agency("ru-liaison").deliverLiaison(claimsChina.bytes());

        assertThat(answer.body()).contains("<Code>ORIGINATOR_MISMATCH</Code>");
        assertRefusalAudited(exchangeIdOf("RU-LIAISON", claimsChina), "ORIGINATOR_MISMATCH", "RU-LIAISON");
        assertNothingStored(exchangeIdOf("RU-LIAISON", claimsChina));
    }

    @Test
    void refusesATamperedMessage() {
        Sent alert = liaison("ru-liaison", Map.of());
        byte[] tampered = new String(alert.bytes(), StandardCharsets.UTF_8)
                .replace("<Handling>H2</Handling>", "<Handling>H0</Handling>")
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = agency("ru-liaison").deliverLiaison(tampered);

        assertThat(answer.body()).contains("<Code>SIGNATURE_INVALID</Code>");
        assertRefusalAudited(exchangeIdOf("RU-LIAISON", alert), "SIGNATURE_INVALID", "RU-LIAISON");
        assertNothingStored(exchangeIdOf("RU-LIAISON", alert));
    }

    @Test
    void refusesAMessageOlderThanThePartnersMaximumAge() {
        Sent old = liaison(
                "ru-liaison",
                Map.of("Created", Instant.now().minus(Duration.ofDays(2)).toString()));

        HttpResponse<String> answer = agency("ru-liaison").deliverLiaison(old.bytes());

        assertThat(answer.body()).contains("<Code>EXCHANGE_STALE</Code>");
        assertNothingStored(exchangeIdOf("RU-LIAISON", old));
    }

    @Test
    void refusesAnAgencyOnThePartnerEndpoint() {
        HttpResponse<String> answer = agency("mn-customs")
                .deliverLiaison(liaison("ru-liaison", Map.of()).bytes());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("ACCESS_DENIED");
    }

    @Test
    void refusesAPartnerThatOnlyReceives() {
        Sent alert = liaison("interpol-ncb", Map.of("From", "INTERPOL-NCB"));

        HttpResponse<String> answer = agency("interpol-ncb").deliverLiaison(alert.bytes());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("ACCESS_DENIED");
    }

    @Test
    void deliversARiskAlertFromTheCustomsNetworkToCustomsOnly() {
        Sent alert = wco(Map.of());

        HttpResponse<String> answer =
                agency("wco-rilo").post(WcoInboundController.PATH, alert.bytes(), "application/xml");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        UUID exchangeId = exchangeIdOf("WCO-RILO", alert);
        assertThat(answer.body()).contains(exchangeId.toString());
        Exchange atCustoms = deliveredTo(MN_CUSTOMS, "mn-customs", alert.messageId());
        assertThat(atCustoms.header().category()).isEqualTo(Category.CUSTOMS_RISK_ALERT);
        assertThat(atCustoms.header().originator()).isEqualTo("WCO-RILO");
        assertThat(shareStates(exchangeId))
                .containsEntry("MN-CUSTOMS", "DELIVERED")
                .containsEntry("MN-BORDER", "DENIED")
                .containsEntry("MN-DEFENCE", "DENIED");
    }

    /** Customs' endpoint is down for a while: the share waits in the outbox and reaches customs once it is back. */
    @Test
    void deliversToAnAgencyOnceItsEndpointIsBack() {
        MN_CUSTOMS.answer(503);
        Sent alert = wco(Map.of());

        assertThat(agency("wco-rilo")
                        .post(WcoInboundController.PATH, alert.bytes(), "application/xml")
                        .statusCode())
                .isEqualTo(202);
        UUID exchangeId = exchangeIdOf("WCO-RILO", alert);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !MN_CUSTOMS.receivedFor(alert.messageId()).isEmpty());
        MN_CUSTOMS.answer(200);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(shareStates(exchangeId)).containsEntry("MN-CUSTOMS", "DELIVERED"));
        assertThat(MN_CUSTOMS.receivedFor(alert.messageId())).hasSizeGreaterThanOrEqualTo(2);
        assertThat(auditOf(exchangeId))
                .filteredOn(e -> "DELIVER".equals(e.get("step")) && "MN-CUSTOMS".equals(e.get("partner_id")))
                .extracting(e -> e.get("outcome"))
                .startsWith("RETRY")
                .endsWith("OK");
    }

    @Test
    void refusesARiskAlertThatIsNotValidAgainstTheWcoSchema() {
        Sent alert = wco(Map.of("MessageType", "NOT_A_MESSAGE_TYPE"));

        HttpResponse<String> answer =
                agency("wco-rilo").post(WcoInboundController.PATH, alert.bytes(), "application/xml");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"code\":\"SCHEMA_INVALID\"");
        assertRefusalAudited(exchangeIdOf("WCO-RILO", alert), "SCHEMA_INVALID", "WCO-RILO");
        assertNothingStored(exchangeIdOf("WCO-RILO", alert));
    }

    /**
     * Kyakhta marks an alert CONFIDENTIAL: customs, cleared to CONFIDENTIAL, gets it; the border authority, cleared
     * to RESTRICTED, does not, and the audit trail says so with the rule and the reason.
     */
    @Test
    void deniesAConfidentialAlertToTheAgencyClearedOnlyToRestricted() {
        Sent alert = liaison("ru-liaison", Map.of("Level", "CONFIDENTIAL"));

        assertThat(agency("ru-liaison").deliverLiaison(alert.bytes()).body()).contains("<Status>ACCEPTED</Status>");

        UUID exchangeId = exchangeIdOf("RU-LIAISON", alert);
        deliveredTo(MN_CUSTOMS, "mn-customs", alert.messageId());
        assertThat(shareStates(exchangeId))
                .containsEntry("MN-CUSTOMS", "DELIVERED")
                .containsEntry("MN-BORDER", "DENIED");
        assertThat(MN_BORDER.receivedFor(alert.messageId())).isEmpty();
        assertThat(decisionAudited(exchangeId, "MN-BORDER"))
                .containsEntry("outcome", "DENIED")
                .containsEntry("code", "classification-ceiling")
                .satisfies(e ->
                        assertThat((String) e.get("detail")).contains("CONFIDENTIAL above the ceiling RESTRICTED"));
    }

    /** A TLP:RED alert from a liaison office, whose format names no addressee, reaches no agency at all. */
    @Test
    void givesATlpRedAlertThatNamesNoAgencyToNone() {
        Sent alert = liaison("ru-liaison", Map.of("Tlp", "TLP:RED"));

        assertThat(agency("ru-liaison").deliverLiaison(alert.bytes()).body()).contains("<Status>ACCEPTED</Status>");

        UUID exchangeId = exchangeIdOf("RU-LIAISON", alert);
        assertThat(shareStates(exchangeId))
                .containsEntry("MN-CUSTOMS", "DENIED")
                .containsEntry("MN-BORDER", "DENIED");
        assertThat(decisionAudited(exchangeId, "MN-CUSTOMS"))
                .containsEntry("code", "tlp-red-named")
                .satisfies(e -> assertThat((String) e.get("detail")).contains("TLP:RED goes only to named addressees"));
    }

    /** The inbound dry run says which agencies would receive a partner's exchange and why, and stores nothing. */
    @Test
    void dryRunsAnInboundExchangeForEveryReceivingAgency() throws Exception {
        Exchange sample = fresh(Samples.vehicleAlertFromBorderPolice());
        // As a liaison message becomes it: no addressees.
        Exchange alert = sample.withHeader(sample.header().withAddressees(List.of()))
                .withMarkings(new Markings(
                        Classification.CONFIDENTIAL,
                        Tlp.AMBER,
                        List.of(),
                        HandlingCode.H2,
                        null,
                        sample.markings().sourceReliability(),
                        sample.markings().informationAccuracy(),
                        null));

        HttpResponse<String> answer = agency("officer-1").dryRunInbound(ExchangeXml.write(alert), "RU-LIAISON");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode result = new ObjectMapper().readTree(answer.body());
        assertThat(result.get("from").asText()).isEqualTo("RU-LIAISON");
        assertThat(decided(answer))
                .containsEntry("MN-CUSTOMS", "RELEASE inbound-receives[1]")
                .containsEntry("MN-BORDER", "DENY classification-ceiling")
                .containsEntry("MN-DEFENCE", "DENY inbound-receives")
                .containsEntry("MN-INTEL", "DENY inbound-receives");
        UUID exchangeId = alert.header().exchangeId();
        assertNothingStored(exchangeId);
        assertThat(auditOf(exchangeId)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("step", "DRY_RUN")
                .containsEntry("detail", "inbound from RU-LIAISON"));
    }

    /** An agency's inbound dry run shows its own decision only; naming another agency is refused, audited. */
    @Test
    void showsAnAgencyItsOwnInboundDecisionOnly() throws Exception {
        byte[] alert = ExchangeXml.write(fresh(Samples.vehicleAlertFromBorderPolice()));

        HttpResponse<String> own = agency("mn-customs").dryRunInbound(alert, "RU-LIAISON");
        HttpResponse<String> others = agency("mn-customs").dryRunInbound(alert, "RU-LIAISON", "MN-DEFENCE");

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(decided(own)).containsOnlyKeys("MN-CUSTOMS");
        assertThat(others.statusCode()).isEqualTo(403);
        assertThat(new ObjectMapper().readTree(others.body()).get("code").asText())
                .isEqualTo("ACCESS_DENIED");
        assertThat(jdbc.queryForList(
                        "SELECT actor FROM audit_event WHERE step = 'DRY_RUN' AND code = 'ACCESS_DENIED'",
                        String.class))
                .contains("MN-CUSTOMS");
    }

    /** Each agency's decision and rule in a dry run's answer. */
    private static Map<String, String> decided(HttpResponse<String> answer) throws Exception {
        Map<String, String> decided = new HashMap<>();
        new ObjectMapper()
                .readTree(answer.body())
                .get("decisions")
                .forEach(d -> decided.put(
                        d.get("agency").asText(),
                        d.get("decision").asText() + " " + d.get("ruleId").asText()));
        return decided;
    }

    /** The sample vehicle alert, created now unless the header says otherwise, signed with {@code signer}'s key. */
    private static Sent liaison(String signer, Map<String, String> header) {
        Map<String, String> values =
                new HashMap<>(Map.of("Created", Instant.now().toString()));
        values.putAll(header);
        return PartnerSide.send(signer, Samples.vehicleAlertFromRuLiaison(), values);
    }

    private static Sent wco(Map<String, String> header) {
        Map<String, String> values =
                new HashMap<>(Map.of("Created", Instant.now().toString()));
        values.putAll(header);
        return PartnerSide.send("wco-rilo", Samples.riskAlertFromWcoRilo(), values);
    }

    private static UUID exchangeIdOf(String partner, Sent sent) {
        return UUID.nameUUIDFromBytes((partner + "/" + sent.messageId()).getBytes(StandardCharsets.UTF_8));
    }

    /** Each agency's share state once none is pending any more. */
    private Map<String, String> shareStates(UUID exchangeId) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM share WHERE exchange_id = ? AND state = 'PENDING'",
                                Integer.class,
                                exchangeId)
                        == 0);
        Map<String, String> states = new HashMap<>();
        jdbc.query(
                "SELECT recipient_id, state FROM share WHERE exchange_id = ?",
                rs -> {
                    states.put(rs.getString(1), rs.getString(2));
                },
                exchangeId);
        return states;
    }

    /** The DECIDE event of the exchange for one agency. */
    private Map<String, Object> decisionAudited(UUID exchangeId, String agency) {
        return auditOf(exchangeId).stream()
                .filter(e -> "DECIDE".equals(e.get("step")) && agency.equals(e.get("partner_id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no decision audited for " + agency));
    }

    private void assertRefusalAudited(UUID exchangeId, String code, String actor) {
        assertThat(auditOf(exchangeId)).anySatisfy(event -> {
            assertThat(event.get("outcome")).isEqualTo("REJECTED");
            assertThat(event.get("code")).isEqualTo(code);
            assertThat(event.get("actor")).isEqualTo(actor);
        });
    }

    private void assertNothingStored(UUID exchangeId) {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM exchange WHERE id = ?", Integer.class, exchangeId))
                .isZero();
    }
}
