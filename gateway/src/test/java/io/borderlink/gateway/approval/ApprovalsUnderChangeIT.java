package io.borderlink.gateway.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.testkit.PartnerFolders;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Approvals bound to a partner view stop counting when the policy changes it; tasks nobody decides expire. The
 * expiry is long enough for the first test's officers to decide on a loaded machine (at 4 s the task sometimes
 * expired first, and the stale approval was refused as APPROVAL_CLOSED instead of VIEW_CHANGED).
 */
@TestPropertySource(
        properties = {"borderlink.approvals.expire-after=20s", "borderlink.approvals.expiry-check-interval=200ms"})
class ApprovalsUnderChangeIT extends GatewayTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PARTNERS = PartnerFolders.copyOfTheRealPartners();

    @DynamicPropertySource
    static void partnersOnAFolderWeMayEdit(DynamicPropertyRegistry registry) {
        partnersFrom(PARTNERS, registry);
    }

    /**
     * officer-2 approves the four-eyes border incident, then RU-LIAISON's policy starts masking document
     * numbers: officer-1's approval of the old view is refused, and after review both must approve again.
     */
    @Test
    void voidsEarlierApprovalsWhenAPolicyReloadChangesThePartnerView() throws Exception {
        Exchange incident = fresh(Samples.borderIncidentFromBorderPolice());
        agency("mn-border").submit(protect(incident, "mn-border"));
        UUID task = task(incident);
        String before = digest(task);
        assertThat(read(decide("officer-2", task, before)).get("approvals").asInt())
                .isEqualTo(1);

        PartnerFolders.edit(PARTNERS, "ru-liaison.yml", yaml -> yaml.replace(
                        "version: \"2026-11-27.1\"", "version: \"2026-11-28.1\"")
                .replace(
                        "    - { field: locations.description, action: DROP }",
                        "    - { field: locations.description, action: DROP }\n"
                                + "    - { field: persons.documents.number, action: MASK }"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM audit_event WHERE step = 'POLICY' AND outcome = 'OK'",
                                Integer.class)
                        > 0);

        HttpResponse<String> stale = decide("officer-1", task, before);
        String after = digest(task);
        JsonNode afterReview = read(decide("officer-1", task, after));

        assertThat(read(stale).get("code").asText()).isEqualTo("VIEW_CHANGED");
        assertThat(after).isNotEqualTo(before);
        assertThat(read(agency("officer-2").get("/api/v1/approvals/" + task))
                        .get("view")
                        .asText())
                .contains("<Number>***204</Number>");
        assertThat(afterReview.get("state").asText()).isEqualTo("HELD");
        assertThat(afterReview.get("approvals").asInt()).isEqualTo(1);
        assertThat(read(decide("officer-2", task, after)).get("state").asText()).isEqualTo("PENDING");
    }

    /** A held share nobody decides on expires when its time is up, and is never sent. */
    @Test
    void expiresATaskNobodyDecides() {
        Exchange wanted = fresh(Samples.wantedPersonFromBorderPolice());
        agency("mn-border").submit(protect(wanted, "mn-border"));
        UUID task = task(wanted);

        await().atMost(Duration.ofSeconds(60)).until(() -> "EXPIRED"
                .equals(jdbc.queryForObject("SELECT state FROM share WHERE id = ?", String.class, task)));
        assertThat(RU_LIAISON.receivedFor(wanted.header().correlationId())).isEmpty();
        assertThat(jdbc.queryForList(
                        "SELECT outcome FROM audit_event WHERE exchange_id = ? AND step = 'APPROVAL'",
                        String.class,
                        wanted.header().exchangeId()))
                .contains("FAILED");
    }

    private UUID task(Exchange exchange) {
        return jdbc.queryForObject(
                "SELECT id FROM share WHERE exchange_id = ? AND recipient_id = 'RU-LIAISON'",
                UUID.class,
                exchange.header().exchangeId());
    }

    private String digest(UUID task) throws Exception {
        return read(agency("officer-2").get("/api/v1/approvals/" + task))
                .get("viewDigest")
                .asText();
    }

    private HttpResponse<String> decide(String officer, UUID task, String digest) {
        return agency(officer)
                .postJson(
                        "/api/v1/approvals/" + task + "/approve",
                        "{\"viewDigest\":\"" + digest + "\",\"reason\":\"Provider's permission recorded by phone.\"}");
    }

    private static JsonNode read(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
