package io.borderlink.gateway.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.testkit.PartnerFolders;
import io.borderlink.testkit.PartnerSide;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Officers edit the narrative of a held share under the real partner policies: the edited text is part
 * of the partner view, so approvals are bound to the new digest, the audit trail keeps both digests (and
 * never the text), the leak check reads the officer's text too, and the partner receives exactly it.
 */
class NarrativeEditIT extends GatewayTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PARTNERS = partnersWithADeskThatTakesNoNarrative();
    private static final String REDACTED = "A white Lada Granta that had crossed the border line from the Russian side"
            + " outside any crossing point was stopped near the Altanbulag crossing point on 17 November 2025."
            + " Driver and vehicle were handed over to the Russian border representative at Kyakhta.";

    @DynamicPropertySource
    static void partnersOnAFolderWeMayEdit(DynamicPropertyRegistry registry) {
        partnersFrom(PARTNERS, registry);
    }

    /**
     * The H2 incident without a tearline is held for review (its narrative gives the spot back). officer-1
     * approves it as written; officer-2 first writes a text that still leaks, then the redacted one: each
     * edit is a new view, officer-1's approval stops counting, and once both approve the redacted view,
     * Kyakhta receives the redacted text and nothing of the original.
     */
    @Test
    void theEditedNarrativeIsThePartnerViewThatOfficersApproveAndThePartnerReceives() throws Exception {
        Exchange incident = withoutTearlines(fresh(Samples.borderIncidentFromBorderPolice()));
        submit(incident, "mn-border");
        UUID task = task(incident, "RU-LIAISON");
        JsonNode held = read(agency("officer-2").get("/api/v1/approvals/" + task));
        String asWritten = held.get("viewDigest").asText();
        assertThat(held.get("narrative").get("rule").asText()).isEqualTo("HOLD_FOR_REVIEW");
        assertThat(held.get("narrative").get("outgoing").asText()).contains("3.8 km east");
        assertThat(held.get("trace").toString()).contains("FINE_DISTANCE").doesNotContain("3.8 km");
        assertThat(read(approve("officer-1", task, asWritten)).get("approvals").asInt())
                .isEqualTo(1);

        JsonNode leaking = read(editNarrative("officer-2", task, asWritten, "Stopped 3,8 km from the crossing."));
        String leakingDigest = leaking.get("viewDigest").asText();
        JsonNode redacted = read(editNarrative("officer-2", task, leakingDigest, REDACTED));
        String redactedDigest = redacted.get("viewDigest").asText();

        assertThat(leaking.get("message").asText()).contains("FINE_DISTANCE").doesNotContain("3,8");
        assertThat(redacted.get("state").asText()).isEqualTo("HELD");
        assertThat(redacted.get("message").asText()).contains("leak check: no hit");
        assertThat(redactedDigest).isNotIn(asWritten, leakingDigest);
        assertThat(read(approve("officer-1", task, asWritten)).get("code").asText())
                .isEqualTo("VIEW_CHANGED");
        JsonNode review = read(agency("officer-1").get("/api/v1/approvals/" + task));
        assertThat(review.get("viewDigest").asText()).isEqualTo(redactedDigest);
        assertThat(review.get("narrative").get("editedBy").asText()).isEqualTo("officer-2");
        assertThat(review.get("view").asText()).contains(REDACTED).doesNotContain("3.8 km");
        assertThat(review.get("diff").toString()).contains("Body/Narrative").contains("CHANGED");
        assertThat(edits(incident)).extracting(e -> e.get("digest")).containsExactly(leakingDigest, redactedDigest);
        assertThat(edits(incident).get(1).get("detail").toString())
                .contains(leakingDigest + " replaced by " + redactedDigest)
                .doesNotContain("Lada")
                .doesNotContain("Altanbulag");
        assertThat(edits(incident).get(0).get("detail").toString())
                .contains("FINE_DISTANCE (transform:locations.coordinates)")
                .doesNotContain("3,8");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM evidence WHERE exchange_id = ? AND kind = 'PARTNER_VIEW' AND digest = ?",
                        Integer.class,
                        incident.header().exchangeId(),
                        redactedDigest))
                .isEqualTo(1);

        assertThat(read(approve("officer-1", task, redactedDigest)).get("state").asText())
                .isEqualTo("HELD");
        assertThat(read(approve("officer-2", task, redactedDigest)).get("state").asText())
                .isEqualTo("PENDING");

        UUID correlation = incident.header().correlationId();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !RU_LIAISON.receivedFor(correlation).isEmpty());
        String received = new String(
                SecureXml.serialize(PartnerSide.open(
                                RU_LIAISON.receivedFor(correlation).get(0).getBody(), "ru-liaison")
                        .message()),
                StandardCharsets.UTF_8);
        assertThat(received).contains(REDACTED).doesNotContain("3.8 km").doesNotContain("02:10");
    }

    /**
     * Where one approval releases (the incident marked H1), the officer who rewrote the narrative may not be
     * that approval: refused with its code and audited, and another officer's approval releases the text.
     */
    @Test
    void theAuthorOfANarrativeMayNotReleaseItAlone() throws Exception {
        Exchange incident =
                withoutTearlines(fresh(new String(Samples.borderIncidentFromBorderPolice(), StandardCharsets.UTF_8)
                        .replace("<HandlingCode>H2</HandlingCode>", "<HandlingCode>H1</HandlingCode>")
                        .getBytes(StandardCharsets.UTF_8)));
        submit(incident, "mn-border");
        UUID task = task(incident, "RU-LIAISON");
        JsonNode edited = read(editNarrative("officer-2", task, digest(task), REDACTED));
        assertThat(edited.get("required").asInt()).isEqualTo(1);
        String view = edited.get("viewDigest").asText();

        HttpResponse<String> byAuthor = approve("officer-2", task, view);

        assertThat(byAuthor.statusCode()).isEqualTo(403);
        assertThat(read(byAuthor).get("code").asText()).isEqualTo("APPROVAL_NOT_ALLOWED");
        assertThat(auditOf(incident.header().exchangeId())).anySatisfy(e -> assertThat(e)
                .containsEntry("step", "APPROVAL")
                .containsEntry("outcome", "REJECTED")
                .containsEntry("code", "APPROVAL_NOT_ALLOWED")
                .containsEntry("actor", "officer-2"));
        assertThat(digest(task)).isEqualTo(view);
        assertThat(read(approve("officer-1", task, view)).get("state").asText()).isEqualTo("PENDING");
    }

    /** A policy reload that changes the view decides the share again, and the officer's text stays in it. */
    @Test
    void keepsTheOfficersTextWhenAPolicyReloadChangesTheView() throws Exception {
        Exchange incident = withoutTearlines(fresh(Samples.borderIncidentFromBorderPolice()));
        submit(incident, "mn-border");
        UUID task = task(incident, "RU-LIAISON");
        String edited = read(editNarrative("officer-1", task, digest(task), REDACTED))
                .get("viewDigest")
                .asText();

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

        assertThat(read(approve("officer-2", task, edited)).get("code").asText())
                .isEqualTo("VIEW_CHANGED");
        JsonNode reviewed = read(agency("officer-2").get("/api/v1/approvals/" + task));
        assertThat(reviewed.get("viewDigest").asText()).isNotEqualTo(edited);
        assertThat(reviewed.get("view").asText()).contains(REDACTED).contains("<Number>***204</Number>");
        assertThat(reviewed.get("narrative").get("editedBy").asText()).isEqualTo("officer-1");
    }

    /** Where the policy lets no narrative leave (DROP) there is nothing to edit: refused, audited, unchanged. */
    @Test
    void refusesAnEditWhereThePolicyDropsEveryNarrative() throws Exception {
        Exchange alert = heldForTheCustomsDesk();
        submit(alert, "mn-border");
        UUID task = task(alert, "CN-CUSTOMS");
        String digest = digest(task);

        HttpResponse<String> refused = editNarrative("officer-2", task, digest, "Stolen in Mongolia.");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(read(refused).get("code").asText()).isEqualTo("NARRATIVE_NOT_RELEASABLE");
        assertThat(digest(task)).isEqualTo(digest);
        assertThat(auditOf(alert.header().exchangeId())).anySatisfy(e -> assertThat(e)
                .containsEntry("step", "APPROVAL")
                .containsEntry("outcome", "REJECTED")
                .containsEntry("code", "NARRATIVE_NOT_RELEASABLE"));
    }

    /**
     * A narrative or reason holding a character no partner document can carry (NUL) or that makes it display other
     * than it reads (a right-to-left override) is refused with REQUEST_INVALID and audited; the task stays as it was
     * and can still be decided (a stored NUL made it unreadable for good).
     */
    @Test
    void refusesTextNoDocumentCanCarryAndKeepsTheTaskWorkable() throws Exception {
        Exchange incident = withoutTearlines(fresh(Samples.borderIncidentFromBorderPolice()));
        submit(incident, "mn-border");
        UUID task = task(incident, "RU-LIAISON");
        String digest = digest(task);

        HttpResponse<String> nul = editNarrative("officer-2", task, digest, "a\u0000b");
        HttpResponse<String> override = agency("officer-1")
                .postJson(
                        "/api/v1/approvals/" + task + "/approve",
                        JSON.createObjectNode()
                                .put("viewDigest", digest)
                                .put("reason", "ok \u202Egnp.exe")
                                .toString());

        for (HttpResponse<String> refused : List.of(nul, override)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(read(refused).get("code").asText()).isEqualTo("REQUEST_INVALID");
        }
        assertThat(digest(task)).isEqualTo(digest);
        assertThat(auditOf(incident.header().exchangeId()))
                .filteredOn(e -> "REQUEST_INVALID".equals(e.get("code")))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e).containsEntry("step", "APPROVAL").containsEntry("outcome", "REJECTED"));
        assertThat(approve("officer-1", task, digest).statusCode()).isEqualTo(200);
    }

    /** An auditor may read the task but not edit its narrative. */
    @Test
    void refusesAnAuditorsEdit() throws Exception {
        Exchange incident = withoutTearlines(fresh(Samples.borderIncidentFromBorderPolice()));
        submit(incident, "mn-border");
        UUID task = task(incident, "RU-LIAISON");
        String digest = digest(task);

        assertThat(editNarrative("auditor-1", task, digest, REDACTED).statusCode())
                .isEqualTo(403);
        assertThat(digest(task)).isEqualTo(digest);
    }

    /** The real partners, and Erenhot customs (a partner file of the tests) taking no narrative and holding H2. */
    private static Path partnersWithADeskThatTakesNoNarrative() {
        Path partners = PartnerFolders.copyOfTheRealPartners();
        PartnerFolders.write(
                partners,
                "cn-customs.yml",
                resource("/partners/cn-customs.yml")
                        .replace("narrative: TEARLINE_ONLY", "narrative: DROP")
                        .replace("H2: DENY", "H2: HOLD"));
        return partners;
    }

    /** The stolen-vehicle alert for Erenhot customs, marked H2 so that it waits for an officer. */
    private static Exchange heldForTheCustomsDesk() {
        String sample = new String(Samples.vehicleAlertFromBorderPolice(), StandardCharsets.UTF_8)
                .replace("<Addressee>CN-LIAISON</Addressee>", "<Addressee>CN-CUSTOMS</Addressee>")
                .replace("<HandlingCode>H0</HandlingCode>", "<HandlingCode>H2</HandlingCode>");
        return fresh(sample.getBytes(StandardCharsets.UTF_8));
    }

    private static Exchange withoutTearlines(Exchange exchange) {
        return exchange.withBody(exchange.body().withNarrative(exchange.body().narrative(), List.of()));
    }

    private void submit(Exchange exchange, String agency) {
        assertThat(agency(agency).submit(protect(exchange, agency)).statusCode())
                .isEqualTo(202);
    }

    private UUID task(Exchange exchange, String partner) {
        return jdbc.queryForObject(
                "SELECT id FROM share WHERE exchange_id = ? AND recipient_id = ? AND state = 'HELD'",
                UUID.class,
                exchange.header().exchangeId(),
                partner);
    }

    private String digest(UUID task) throws IOException {
        return read(agency("officer-2").get("/api/v1/approvals/" + task))
                .get("viewDigest")
                .asText();
    }

    private List<Map<String, Object>> edits(Exchange exchange) {
        return jdbc.queryForList(
                "SELECT digest, detail FROM audit_event WHERE exchange_id = ? AND code = 'narrative-edit' ORDER BY id",
                exchange.header().exchangeId());
    }

    private HttpResponse<String> approve(String officer, UUID task, String digest) {
        return agency(officer)
                .postJson(
                        "/api/v1/approvals/" + task + "/approve",
                        "{\"viewDigest\":\"" + digest + "\",\"reason\":\"Provider's permission recorded.\"}");
    }

    private HttpResponse<String> editNarrative(String officer, UUID task, String digest, String narrative) {
        ObjectNode body = JSON.createObjectNode().put("viewDigest", digest).put("narrative", narrative);
        return agency(officer).postJson("/api/v1/approvals/" + task + "/narrative", body.toString());
    }

    private static JsonNode read(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static String resource(String path) {
        try (InputStream in = NarrativeEditIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
