package io.borderlink.gateway.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.gateway.audit.BundleVerifier;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.testkit.DevPki;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Retention end to end: shares to RU-LIAISON are kept for no time at all here, so each delivered exchange is
 * due at once. The purge destroys the evidence and the data key and audits what it destroyed; the bundle of
 * a purged exchange still verifies offline and says so; a held exchange is not purged until released.
 */
@TestPropertySource(
        properties = {
            "borderlink.retention.rules[0].id=test-liaison",
            "borderlink.retention.rules[0].when.partners[0]=RU-LIAISON",
            "borderlink.retention.rules[0].keep=0s",
            "borderlink.evidence.rewrap-interval=1h"
        })
class RetentionIT extends GatewayTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Purges purges;

    @TempDir
    Path tmp;

    /**
     * Before the purge the bundle carries RU-LIAISON's receipt: with the partner's root among the auditor's its
     * signer's path is checked too; without, only its signature and digest, and the verifier says so.
     */
    @Test
    void bundleCarriesThePartnersReceiptWhichVerifiesOfflineAgainstItsRoot() throws Exception {
        UUID id = deliveredIncident();
        hold(id, "kept for this test");

        Path bundle = export(id);
        BundleVerifier.Report withPartnerRoot = new BundleVerifier(
                        List.of(DevPki.ca("national-root"), DevPki.ca("ru-liaison-root")),
                        List.of(DevPki.certificate("audit-checkpoint")),
                        List.of())
                .verify(bundle);
        BundleVerifier.Report withoutIt = new BundleVerifier(
                        List.of(DevPki.ca("national-root")), List.of(DevPki.certificate("audit-checkpoint")), List.of())
                .verify(bundle);

        assertThat(withPartnerRoot.problems()).isEmpty();
        assertThat(withPartnerRoot.checked()).anySatisfy(line -> assertThat(line)
                .startsWith("receipt of RU-LIAISON for exchange " + id)
                .contains("names the digest of what was sent"));
        assertThat(withoutIt.problems()).isEmpty();
        assertThat(withoutIt.checked()).anySatisfy(line -> assertThat(line)
                .startsWith("receipt of RU-LIAISON for exchange " + id)
                .endsWith("was not checked against a root of yours (add the partner's root to --trust)"));
    }

    /** The purge leaves no evidence and no data key, audits the inventory, and the bundle says "purged". */
    @Test
    void purgedExchangesBundleVerifiesOfflineAndSaysPurgedUnderItsRule() throws Exception {
        UUID id = deliveredIncident();

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            purges.purgeExpired();
            return purges.find(id).isPresent();
        });

        assertThat(count("SELECT COUNT(*) FROM evidence WHERE exchange_id = ?", id))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM exchange_key WHERE exchange_id = ?", id))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM exchange WHERE id = ?", id)).isEqualTo(1);
        Purges.Purge purge = purges.find(id).orElseThrow();
        assertThat(purge.ruleId()).isEqualTo("test-liaison");
        assertThat(purge.inventory()).contains("SIGNED_ORIGINAL - ").contains("PARTNER_RECEIPT RU-LIAISON ");
        assertThat(auditOf(id))
                .filteredOn(e -> "PURGED".equals(e.get("step")))
                .singleElement()
                .satisfies(e -> assertThat(e.get("detail").toString()).startsWith("purged under rule test-liaison"));

        BundleVerifier.Report report = new BundleVerifier(
                        List.of(DevPki.ca("national-root"), DevPki.ca("ru-liaison-root")),
                        List.of(DevPki.certificate("audit-checkpoint")),
                        List.of())
                .verify(export(id));

        assertThat(report.problems()).isEmpty();
        assertThat(report.checked()).anySatisfy(line -> assertThat(line)
                .startsWith("exchange " + id + ": content purged under rule test-liaison at " + purge.purgedAt()));
    }

    /** A legal hold keeps an exchange whose retention ran out; released, the next run purges it. */
    @Test
    void heldExchangeIsNotPurgedUntilTheHoldIsReleased() throws Exception {
        UUID id = deliveredIncident();
        long hold = hold(id, "court order 17/2026");

        purges.purgeExpired();

        assertThat(purges.find(id)).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM evidence WHERE exchange_id = ?", id))
                .isPositive();
        JsonNode retention =
                JSON.readTree(agency("auditor-1").get("/api/v1/audit/retention").body());
        assertThat(retention.get("upcoming").findValuesAsText("exchangeId")).contains(id.toString());
        assertThat(agency("auditor-1").get("/console/audit/retention").body())
                .contains(id.toString())
                .contains("court order 17/2026");

        HttpResponse<String> released = agency("auditor-1")
                .postJson("/api/v1/audit/holds/" + hold + "/release", "{\"reason\":\"order lifted\"}");
        assertThat(released.statusCode()).isEqualTo(204);
        purges.purgeExpired();

        assertThat(purges.find(id)).isPresent();
        assertThat(auditOf(id))
                .filteredOn(e -> "LEGAL_HOLD".equals(e.get("step")))
                .extracting(e -> e.get("detail").toString())
                .containsExactly(
                        "hold " + hold + " set: court order 17/2026", "hold " + hold + " released: order lifted");
    }

    /** Holds need a reason and an auditor: refused with their codes, and audited. */
    @Test
    void refusesAHoldWithoutReasonAndAHoldByAnOfficer() {
        UUID id = deliveredIncident();

        HttpResponse<String> noReason =
                agency("auditor-1").postJson("/api/v1/audit/holds", "{\"exchangeId\":\"" + id + "\",\"reason\":\" \"}");
        HttpResponse<String> officer = agency("officer-1")
                .postJson("/api/v1/audit/holds", "{\"exchangeId\":\"" + id + "\",\"reason\":\"mine\"}");

        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("REASON_REQUIRED");
        assertThat(officer.statusCode()).isEqualTo(403);
        assertThat(auditOf(id)).anySatisfy(e -> assertThat(e)
                .containsEntry("step", "LEGAL_HOLD")
                .containsEntry("outcome", "REJECTED")
                .containsEntry("code", "REASON_REQUIRED"));
        assertThat(count("SELECT COUNT(*) FROM legal_hold WHERE exchange_id = ?", id))
                .isZero();
    }

    private long hold(UUID id, String reason) throws Exception {
        HttpResponse<String> response = agency("auditor-1")
                .postJson("/api/v1/audit/holds", "{\"exchangeId\":\"" + id + "\",\"reason\":\"" + reason + "\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).get("id").asLong();
    }

    private UUID deliveredIncident() {
        Exchange incident = fresh(Samples.borderIncidentFromBorderPolice());
        UUID id = incident.header().exchangeId();
        assertThat(agency("mn-border").submit(protect(incident, "mn-border")).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(
                                "SELECT COUNT(*) FROM share WHERE exchange_id = ? AND state NOT IN"
                                        + " ('DELIVERED', 'DENIED', 'REJECTED', 'ABANDONED', 'EXPIRED')",
                                id)
                        == 0);
        return id;
    }

    private Path export(UUID id) throws Exception {
        HttpResponse<byte[]> response =
                agency("auditor-1").postJsonForBytes("/api/v1/audit/exports", "{\"exchangeId\":\"" + id + "\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        return Files.write(tmp.resolve("bundle-" + UUID.randomUUID() + ".zip"), response.body());
    }

    private long count(String sql, UUID id) {
        return jdbc.queryForObject(sql, Long.class, id);
    }
}
