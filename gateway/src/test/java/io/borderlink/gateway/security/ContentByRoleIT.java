package io.borderlink.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.gateway.support.GatewayTestSupport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Least privilege over content, beside {@link EndpointAccessMatrixIT} (which proves who reaches what): what each
 * role sees of one held border incident on the real endpoints. The sample names its source (B. Munkhbat, code
 * MN-BORDER/SEL/HS-0211, handled by Captain O. Tsogtbaatar) and carries internal notes; officers and auditors
 * read the content without them, an administrator reads metadata only, and the evidence bundle an auditor
 * exports keeps the agency's signed document whole so that it verifies.
 */
@TestPropertySource(properties = "borderlink.config.partners=config/partners")
class ContentByRoleIT extends GatewayTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The source's identity and the internal notes. */
    private static final String[] SOURCE_PROTECTED = {
        "Munkhbat", "HS-0211", "Tsogtbaatar", "tipped off", "do not reveal"
    };

    /** What the incident says: its narrative, the driver, his passport, the vehicle. */
    private static final String[] CONTENT = {"3.8 km east", "SOKOLOV", "761538204", "Granta", "jerrycans"};

    private static final String REASON = "Cross-checked with the patrol log of the outpost";

    private Exchange incident;
    private UUID task;

    @BeforeEach
    void anIncidentHeldForTwoOfficers() {
        incident = fresh(Samples.borderIncidentFromBorderPolice());
        assertThat(agency("mn-border").submit(protect(incident, "mn-border")).statusCode())
                .isEqualTo(202);
        task = jdbc.queryForObject(
                "SELECT id FROM share WHERE exchange_id = ? AND recipient_id = 'RU-LIAISON' AND state = 'HELD'",
                UUID.class,
                incident.header().exchangeId());
    }

    @Test
    void officersAndAuditorsReviewATaskWithoutTheSourcesIdentity() throws Exception {
        for (String who : List.of("officer-2", "auditor-1")) {
            HttpResponse<String> answer = agency(who).get("/api/v1/approvals/" + task);
            JsonNode review = JSON.readTree(answer.body());

            assertThat(answer.statusCode()).as(who).isEqualTo(200);
            assertThat(review.get("sight").asText()).isEqualTo("CONTENT");
            assertThat(review.get("rendered").asText()).contains("<LiaisonMessage");
            assertThat(review.get("narrative").get("original").asText()).contains("3.8 km east");
            assertThat(withheldRows(review))
                    .containsExactlyInAnyOrder(
                            "Body/SourceDetails/Name",
                            "Body/SourceDetails/SourceCode",
                            "Body/SourceDetails/Handler",
                            "Body/InternalNotes");
            assertThat(review.get("diff").toString()).contains("Local herder");
            assertThat(answer.body()).as(who).doesNotContain(SOURCE_PROTECTED);
        }
    }

    @Test
    void theConsoleShowsAnOfficerTheTaskWithoutTheSourcesIdentity() {
        HttpResponse<String> page = agency("officer-1").get("/console/approvals/" + task);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(CONTENT).contains("<td>" + ContentVisibility.WITHHELD + "</td>");
        assertThat(page.body()).doesNotContain(SOURCE_PROTECTED).doesNotContain("id=\"metadata-only\"");
    }

    @Test
    void anAdministratorSeesATasksMetadataAndNoneOfItsContent() throws Exception {
        approve("officer-1");

        HttpResponse<String> page = agency("admin-1").get("/console/approvals/" + task);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "id=\"metadata-only\"",
                        viewDigest(),
                        incident.header().exchangeId().toString())
                .contains("RU-LIAISON", "RESTRICTED", "1 of 2", "officer-1")
                .doesNotContain("id=\"rendered\"", "id=\"diff\"", "LiaisonMessage", REASON)
                .doesNotContain(CONTENT)
                .doesNotContain(SOURCE_PROTECTED);
    }

    @Test
    void anAdministratorReadsAnExchangesTimelineWithoutTheOfficersWords() throws Exception {
        approve("officer-1");
        String path = "/console/exchanges/" + incident.header().exchangeId();

        HttpResponse<String> admin = agency("admin-1").get(path);
        HttpResponse<String> officer = agency("officer-2").get(path);

        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body())
                .contains("DECIDE", "APPROVAL", "<td>" + ContentVisibility.WITHHELD + "</td>", "rule ")
                .doesNotContain(REASON)
                .doesNotContain(CONTENT);
        assertThat(officer.body()).contains(REASON);
    }

    /**
     * The agency's signature covers the whole Body, source details included: a bundle without them would not
     * verify. Only an auditor exports one, and the export is audited.
     */
    @Test
    void theEvidenceBundleKeepsTheSignedOriginalWholeForAnAuditorAlone() throws Exception {
        String request = "{\"exchangeId\":\"" + incident.header().exchangeId() + "\"}";

        HttpResponse<byte[]> bundle = agency("auditor-1").postJsonForBytes("/api/v1/audit/exports", request);

        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(signedOriginal(bundle.body())).contains("Munkhbat", "HS-0211");
        for (String who : List.of("admin-1", "officer-1")) {
            assertThat(agency(who)
                            .postJsonForBytes("/api/v1/audit/exports", request)
                            .statusCode())
                    .as(who)
                    .isEqualTo(403);
        }
        assertThat(jdbc.queryForList(
                        "SELECT actor FROM audit_event WHERE step = 'EXPORT' AND detail LIKE ?",
                        String.class,
                        "%" + incident.header().exchangeId() + "%"))
                .containsExactly("auditor-1");
    }

    private void approve(String officer) throws Exception {
        HttpResponse<String> approved = agency(officer)
                .postJson(
                        "/api/v1/approvals/" + task + "/approve",
                        "{\"viewDigest\":\"" + viewDigest() + "\",\"reason\":\"" + REASON + "\"}");
        assertThat(approved.statusCode()).isEqualTo(200);
    }

    private String viewDigest() {
        return jdbc.queryForObject("SELECT view_digest FROM share WHERE id = ?", String.class, task);
    }

    /** The paths of the diff whose original value is withheld. */
    private static List<String> withheldRows(JsonNode review) {
        List<String> paths = new ArrayList<>();
        for (JsonNode row : review.get("diff")) {
            if (ContentVisibility.WITHHELD.equals(row.path("original").asText())) {
                paths.add(row.get("path").asText());
            }
        }
        return paths;
    }

    private static String signedOriginal(byte[] zip) throws IOException {
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (entry.getName().contains("/SIGNED_ORIGINAL-")) {
                    return new String(entries.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("the bundle has no SIGNED_ORIGINAL");
    }
}
