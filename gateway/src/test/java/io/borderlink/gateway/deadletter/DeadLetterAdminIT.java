package io.borderlink.gateway.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.gateway.support.GatewayClient;
import io.borderlink.gateway.support.GatewayTestSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An administrator's dead-letter API: a share to RU-LIAISON dead-letters while the partner answers 503,
 * then the administrator lists, inspects, resends or abandons it; every action is audited with who did it,
 * and every refusal carries a stable code.
 */
class DeadLetterAdminIT extends GatewayTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Listed for RU-LIAISON with its history; resent once the partner is back, it is delivered. */
    @Test
    void resendsADeadLetterThatIsThenDelivered() throws Exception {
        UUID shareId = deadLetterToRuLiaison();
        RU_LIAISON.answer(200);

        JsonNode listed = JSON.readTree(
                admin().get("/api/v1/dead-letters?recipient=RU-LIAISON").body());
        assertThat(listed.findValuesAsText("shareId")).contains(shareId.toString());
        JsonNode detail =
                JSON.readTree(admin().get("/api/v1/dead-letters/" + shareId).body());
        assertThat(detail.get("state").asText()).isEqualTo("DEAD_LETTER");
        assertThat(detail.get("history").findValuesAsText("step")).contains("DELIVER", "DEAD_LETTER");

        HttpResponse<String> resent = admin().postJson("/api/v1/dead-letters/" + shareId + "/resend", "");

        assertThat(resent.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(state(shareId)));
        assertThat(adminEvents(shareId)).containsExactly("RETRY null");
    }

    /** Resend-all takes every dead letter of the recipient named, and only those. */
    @Test
    void resendsEveryDeadLetterOfOneRecipient() throws Exception {
        UUID first = deadLetterToRuLiaison();
        UUID second = deadLetterToRuLiaison();
        RU_LIAISON.answer(200);

        HttpResponse<String> resent = admin().postJson("/api/v1/dead-letters/resend?recipient=RU-LIAISON", "");

        assertThat(JSON.readTree(resent.body()).get("changed").asInt()).isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "DELIVERED".equals(state(first)) && "DELIVERED".equals(state(second)));
    }

    /** Abandoned with a reason, the share is final: it is kept with who and why, and cannot be resent. */
    @Test
    void abandonsADeadLetterWithAReasonForGood() throws Exception {
        UUID shareId = deadLetterToRuLiaison();

        HttpResponse<String> abandoned = admin().postJson(
                        "/api/v1/dead-letters/" + shareId + "/abandon", "{\"reason\":\"sent by fax instead\"}");

        assertThat(abandoned.statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForMap("SELECT state, abandoned_by, abandon_reason FROM share WHERE id = ?", shareId))
                .containsEntry("state", "ABANDONED")
                .containsEntry("abandoned_by", "admin-1")
                .containsEntry("abandon_reason", "sent by fax instead");
        assertRefused(admin().postJson("/api/v1/dead-letters/" + shareId + "/resend", ""), 409, "DEAD_LETTER_CLOSED");
        assertThat(JSON.readTree(admin().get("/api/v1/dead-letters").body()).findValuesAsText("shareId"))
                .doesNotContain(shareId.toString());
        assertThat(adminEvents(shareId)).containsExactly("DENIED null", "REJECTED DEAD_LETTER_CLOSED");
    }

    /** No reason, a malformed id, an unknown share, a missing recipient: each refused with its own code. */
    @Test
    void refusesBadRequestsWithStableCodes() throws Exception {
        UUID shareId = deadLetterToRuLiaison();

        assertRefused(
                admin().postJson("/api/v1/dead-letters/" + shareId + "/abandon", "{\"reason\":\" \"}"),
                400,
                "REASON_REQUIRED");
        assertRefused(admin().get("/api/v1/dead-letters/not-a-uuid"), 400, "REQUEST_INVALID");
        assertRefused(admin().get("/api/v1/dead-letters/" + UUID.randomUUID()), 404, "NOT_FOUND");
        assertRefused(admin().postJson("/api/v1/dead-letters/resend", ""), 400, "REQUEST_INVALID");
        assertRefused(admin().postJson("/api/v1/dead-letters/resend?recipient=%20", ""), 400, "REQUEST_INVALID");
        assertRefused(admin().postJson("/api/v1/dead-letters/" + UUID.randomUUID() + "/resend", ""), 404, "NOT_FOUND");
        assertThat(state(shareId)).isEqualTo("DEAD_LETTER");
        // Every refused action is audited with the administrator, and with the share's exchange and recipient when the
        // share exists.
        assertThat(adminEvents(shareId)).containsExactly("REJECTED REASON_REQUIRED");
        assertThat(jdbc.queryForList(
                        "SELECT code FROM audit_event WHERE step = 'DEAD_LETTER_ADMIN' AND outcome = 'REJECTED'"
                                + " AND actor = 'admin-1' AND exchange_id IS NULL",
                        String.class))
                .contains("REQUEST_INVALID", "NOT_FOUND");
    }

    /** The console page lists the dead letter for its recipient and shows its history to an administrator. */
    @Test
    void showsDeadLettersOnTheConsoleToAnAdministrator() {
        UUID shareId = deadLetterToRuLiaison();

        HttpResponse<String> page = admin().get("/console/dead-letters?recipient=RU-LIAISON");
        HttpResponse<String> detail = admin().get("/console/dead-letters/" + shareId);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(shareId.toString()).contains("Resend all");
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("History").contains("PARTNER_UNAVAILABLE");
        assertThat(GatewayClient.as("officer-1", port)
                        .get("/console/dead-letters")
                        .statusCode())
                .isEqualTo(403);
    }

    /**
     * An administrator handles a dead letter from its metadata and delivery history: the API, the console's
     * dead-letter pages and the exchange's page say nothing of what the incident says or who its source is.
     */
    @Test
    void showsAnAdministratorNothingOfWhatADeadLetterSays() {
        UUID shareId = deadLetterToRuLiaison();
        UUID exchangeId = jdbc.queryForObject("SELECT exchange_id FROM share WHERE id = ?", UUID.class, shareId);

        List<HttpResponse<String>> pages = List.of(
                admin().get("/api/v1/dead-letters?recipient=RU-LIAISON"),
                admin().get("/api/v1/dead-letters/" + shareId),
                admin().get("/console/dead-letters?recipient=RU-LIAISON"),
                admin().get("/console/dead-letters/" + shareId),
                admin().get("/console/exchanges/" + exchangeId));

        assertThat(pages).allSatisfy(page -> {
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body())
                    .contains(exchangeId.toString(), "PARTNER_UNAVAILABLE")
                    .doesNotContain("3.8 km", "SOKOLOV", "761538204", "Granta", "jerrycans")
                    .doesNotContain("Munkhbat", "HS-0211", "Tsogtbaatar", "tipped off");
        });
    }

    /** Dead letters are for administrators only: an officer is refused. */
    @Test
    void refusesAnOfficer() {
        HttpResponse<String> response = GatewayClient.as("officer-1", port).get("/api/v1/dead-letters");

        assertThat(response.statusCode()).isEqualTo(403);
    }

    private UUID deadLetterToRuLiaison() {
        RU_LIAISON.answer(503);
        Exchange incident = fresh(Samples.borderIncidentFromBorderPolice());
        agency("mn-border").submit(protect(incident, "mn-border"));
        UUID shareId = jdbc.queryForObject(
                "SELECT id FROM share WHERE exchange_id = ? AND recipient_id = 'RU-LIAISON'",
                UUID.class,
                incident.header().exchangeId());
        await().atMost(Duration.ofSeconds(20)).until(() -> "DEAD_LETTER".equals(state(shareId)));
        return shareId;
    }

    private String state(UUID shareId) {
        return jdbc.queryForObject("SELECT state FROM share WHERE id = ?", String.class, shareId);
    }

    /** The administrator's events about the share, oldest first, as outcome and code. */
    private List<String> adminEvents(UUID shareId) {
        return jdbc.queryForList(
                """
                SELECT a.outcome || ' ' || COALESCE(a.code, 'null') FROM audit_event a JOIN share s
                  ON s.exchange_id = a.exchange_id AND s.recipient_id = a.partner_id
                WHERE s.id = ? AND a.step = 'DEAD_LETTER_ADMIN' AND a.actor = 'admin-1' ORDER BY a.id""",
                String.class,
                shareId);
    }

    private GatewayClient admin() {
        return GatewayClient.as("admin-1", port);
    }

    private static void assertRefused(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo(code);
    }
}
