package io.borderlink.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.gateway.audit.ChainProblem.Kind;
import io.borderlink.gateway.cli.BorderlinkCommand;
import io.borderlink.gateway.support.GatewayClient;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.gateway.support.LocalTsa;
import io.borderlink.testkit.DevPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The tamper-evident trail on the embedded database: the sequencer chains and signs, tampering straight
 * in the database is detected and located, auditors search, verify and export over the API, and the
 * bundles they export verify offline unless edited. The timers are slowed down so that each test drives
 * the sequencer itself; every test starts from an empty trail.
 */
@TestPropertySource(
        properties = {
            "borderlink.audit.sequence-interval=1h",
            "borderlink.audit.anchor-interval=1h",
            "borderlink.audit.checkpoint-every=5",
            "borderlink.audit.export-max-events=60"
        })
class AuditTrailIT extends GatewayTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalTsa TSA = LocalTsa.start();
    private static final Path TSA_CA = TSA.caFile();
    private static final String NATIONAL_ROOT = "certs-dev/ca/national-root.crt.pem";
    private static final String CHECKPOINT_CERTIFICATE = "certs-dev/audit-checkpoint.crt.pem";

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditSequencer sequencer;

    @Autowired
    AuditVerification verification;

    @Autowired
    AuditAnchoring anchoring;

    @TempDir
    Path tmp;

    @DynamicPropertySource
    static void timeStampingAuthority(DynamicPropertyRegistry registry) {
        registry.add("borderlink.audit.tsa-url", () -> TSA.url().toString());
        registry.add("borderlink.audit.tsa-certificate", TSA_CA::toString);
    }

    @BeforeEach
    void emptyTrail() {
        AuditTables.empty(jdbc);
    }

    @Test
    void chainsEveryEventGapFreeAndSignsTheHead() {
        recordAndSeal(7);

        assertThat(jdbc.queryForList("SELECT seq FROM audit_chain ORDER BY seq", Long.class))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_pending", Long.class))
                .isZero();
        ChainReport report = verification.verify(null);
        assertThat(report.intact()).isTrue();
        assertThat(report.verifiedTo()).isEqualTo(7);
        assertThat(report.latestCheckpoint().seq()).isEqualTo(7);
    }

    @Test
    void verifiesFromACheckpointOn() {
        recordAndSeal(5);
        recordAndSeal(5);
        long first = jdbc.queryForObject("SELECT min(id) FROM audit_checkpoint", Long.class);

        ChainReport report = verification.verify(first);

        assertThat(report.intact()).isTrue();
        assertThat(report.from()).isEqualTo(6);
        assertThat(report.entries()).isEqualTo(5);
    }

    @Test
    void locatesAFieldChangedInTheDatabase() {
        threeCheckpointedBatches();

        jdbc.update("UPDATE audit_event SET detail = 'nothing to see' WHERE id = ?", eventAt(7));

        assertFirstProblem(Kind.CHANGED, 7);
    }

    @Test
    void locatesARowDeletedFromTheChain() {
        threeCheckpointedBatches();

        jdbc.update("DELETE FROM audit_chain WHERE seq = 7");

        assertFirstProblem(Kind.MISSING, 7);
    }

    @Test
    void locatesARowInsertedWithRecomputedHashes() {
        threeCheckpointedBatches();
        jdbc.execute("SET REFERENTIAL_INTEGRITY FALSE");
        for (long seq = 15; seq >= 7; seq--) {
            jdbc.update("UPDATE audit_chain SET seq = seq + 1 WHERE seq = ?", seq);
        }
        trail.record(AuditEvent.ok(AuditStep.RECEIVE, UUID.randomUUID()));
        long forged = jdbc.queryForObject("SELECT max(event_id) FROM audit_pending", Long.class);
        jdbc.update("DELETE FROM audit_pending WHERE event_id = ?", forged);
        ChainedEvent event = jdbc.queryForObject(
                "SELECT " + ChainedEvent.COLUMNS + " FROM audit_event e WHERE e.id = ?",
                (rs, row) -> ChainedEvent.read(rs),
                forged);
        String previous = jdbc.queryForObject("SELECT chain_hash FROM audit_chain WHERE seq = 6", String.class);
        jdbc.update(
                "INSERT INTO audit_chain (seq, event_id, entry_hash, chain_hash) VALUES (7, ?, ?, ?)",
                forged,
                event.entryHash(),
                ChainHashes.chain(previous, event.entryHash()));

        assertFirstProblem(Kind.INSERTED, 7);
    }

    @Test
    void locatesTwoSwappedRows() {
        threeCheckpointedBatches();
        long seventh = eventAt(7);
        long eighth = eventAt(8);
        jdbc.execute("SET REFERENTIAL_INTEGRITY FALSE");
        jdbc.update("UPDATE audit_chain SET event_id = -1 WHERE seq = 7");
        jdbc.update("UPDATE audit_chain SET event_id = ? WHERE seq = 8", seventh);
        jdbc.update("UPDATE audit_chain SET event_id = ? WHERE seq = 7", eighth);

        assertFirstProblem(Kind.REORDERED, 7);
    }

    @Test
    void locatesATruncatedTailAgainstTheLastSignedCheckpoint() {
        threeCheckpointedBatches();
        jdbc.execute("SET REFERENTIAL_INTEGRITY FALSE");
        jdbc.update("DELETE FROM audit_event WHERE id IN (SELECT event_id FROM audit_chain WHERE seq > 12)");
        jdbc.update("DELETE FROM audit_chain WHERE seq > 12");

        ChainReport report = assertFirstProblem(Kind.TRUNCATED, 13);
        assertThat(report.firstProblem().detail()).contains("covers entry 15");
    }

    /** Whoever changes an event and recomputes every hash after it still cannot match the signed checkpoints. */
    @Test
    void locatesAChainRecomputedAfterItWasSigned() {
        threeCheckpointedBatches();
        jdbc.update("UPDATE audit_event SET outcome = 'DENIED' WHERE id = ?", eventAt(7));
        String previous = jdbc.queryForObject("SELECT chain_hash FROM audit_chain WHERE seq = 6", String.class);
        for (long seq = 7; seq <= 15; seq++) {
            ChainedEvent event = jdbc.queryForObject(
                    "SELECT " + ChainedEvent.COLUMNS + " FROM audit_event e WHERE e.id = ?",
                    (rs, row) -> ChainedEvent.read(rs),
                    eventAt(seq));
            previous = ChainHashes.chain(previous, event.entryHash());
            jdbc.update(
                    "UPDATE audit_chain SET entry_hash = ?, chain_hash = ? WHERE seq = ?",
                    event.entryHash(),
                    previous,
                    seq);
        }

        assertFirstProblem(Kind.REWRITTEN, 6);
    }

    @Test
    void reportsAnEventSlippedIntoTheTableOutsideTheChain() {
        threeCheckpointedBatches();

        jdbc.update(
                """
                INSERT INTO audit_event (occurred_at, step, outcome, actor, node)
                VALUES (CURRENT_TIMESTAMP, 'APPROVE', 'OK', 'officer-1', 'node-x')""");

        assertFirstProblem(Kind.UNCHAINED, 0);
    }

    @Test
    void refusesToExtendAChainThatNoLongerReachesItsCheckpoint() {
        threeCheckpointedBatches();
        jdbc.execute("SET REFERENTIAL_INTEGRITY FALSE");
        jdbc.update("DELETE FROM audit_chain WHERE seq > 12");

        trail.record(AuditEvent.ok(AuditStep.RECEIVE, UUID.randomUUID()));
        sequencer.sequence();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_pending", Long.class))
                .isEqualTo(1);
    }

    @Test
    void anchorsTheNewestCheckpointWithATimeStampFromTheTsa() throws Exception {
        recordAndSeal(3);

        anchoring.anchorNewest();

        Checkpoint newest = verification.verify(null).latestCheckpoint();
        assertThat(newest.anchor()).isNotNull();
        assertThat(newest.anchor().tsa()).isEqualTo(TSA.url().toString());
        JsonNode listed = JSON.readTree(
                agency("auditor-1").get("/api/v1/audit/checkpoints").body());
        assertThat(listed.get(0).get("seq").asLong()).isEqualTo(3);
        assertThat(listed.get(0).get("anchor").get("tsa").asText())
                .isEqualTo(TSA.url().toString());
    }

    /** An auditor searches by exchange, reads its timeline and verifies the chain; the verification is audited. */
    @Test
    void auditorSearchesReadsTheTimelineAndVerifies() throws Exception {
        UUID exchangeId = deliveredIncident();
        GatewayClient auditor = agency("auditor-1");

        JsonNode events = JSON.readTree(
                auditor.get("/api/v1/audit/events?exchangeId=" + exchangeId).body());
        JsonNode timeline = JSON.readTree(auditor.get("/api/v1/audit/exchanges/" + exchangeId + "/timeline")
                .body());
        JsonNode released = JSON.readTree(auditor.get(
                        "/api/v1/audit/events?exchangeId=" + exchangeId + "&decision=RELEASE&from=2020-01-01T00:00:00Z")
                .body());
        HttpResponse<String> verified = auditor.postJson("/api/v1/audit/verify", "{}");

        assertThat(events).extracting(e -> e.get("step").asText()).contains("RECEIVE", "DECIDE", "DELIVER");
        assertThat(released)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("step").asText()).isEqualTo("DECIDE"));
        assertThat(timeline.get("exchange").get("originator").asText()).isEqualTo("MN-BORDER");
        assertThat(timeline.get("evidence"))
                .extracting(d -> d.get("kind").asText())
                .contains("SIGNED_ORIGINAL");
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(verified.body()).get("intact").asBoolean()).isTrue();
        assertThat(jdbc.queryForList("SELECT actor FROM audit_event WHERE step = 'VERIFY'", String.class))
                .containsExactly("auditor-1");
    }

    /** A request naming one field twice is ambiguous: 400 REQUEST_INVALID, audited (it was a 500). */
    @Test
    void refusesARequestThatNamesAFieldTwice() throws Exception {
        HttpResponse<String> twice =
                agency("auditor-1").postJson("/api/v1/audit/verify", "{\"fromCheckpoint\":1,\"fromCheckpoint\":2}");

        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(twice.body()).get("code").asText()).isEqualTo("REQUEST_INVALID");
        assertThat(JSON.readTree(twice.body()).get("detail").asText()).doesNotContain("Exception");
        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE code = 'REQUEST_INVALID'", String.class))
                .anyMatch(detail -> detail.startsWith("POST /api/v1/audit/verify"));
    }

    @Test
    void onlyAuditorsVerifyAndExport() {
        HttpResponse<String> officer = agency("officer-1").postJson("/api/v1/audit/verify", "{}");
        HttpResponse<String> agency = agency("mn-border").postJson("/api/v1/audit/exports", "{}");

        assertThat(officer.statusCode()).isEqualTo(403);
        assertThat(agency.statusCode()).isEqualTo(403);
    }

    /**
     * An export of nothing, of an empty range or of an exchange without events, and a verification from a checkpoint
     * there is not, are refused with their codes, and audited.
     */
    @Test
    void refusesAndAuditsExportsAndVerificationsOfNothing() throws Exception {
        UUID unknown = UUID.randomUUID();
        HttpResponse<String> neither = agency("auditor-1").postJson("/api/v1/audit/exports", "{}");
        HttpResponse<String> empty = agency("auditor-1")
                .postJson(
                        "/api/v1/audit/exports", "{\"from\":\"2026-11-27T08:00:00Z\",\"to\":\"2026-11-27T08:00:00Z\"}");
        HttpResponse<String> none =
                agency("auditor-1").postJson("/api/v1/audit/exports", "{\"exchangeId\":\"" + unknown + "\"}");

        assertThat(List.of(neither.statusCode(), empty.statusCode(), none.statusCode()))
                .containsExactly(400, 400, 404);
        assertThat(JSON.readTree(none.body()).get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(jdbc.queryForList(
                        "SELECT code FROM audit_event WHERE step = 'EXPORT' AND outcome = 'REJECTED'"
                                + " AND actor = 'auditor-1'",
                        String.class))
                .contains("SCHEMA_INVALID", "NOT_FOUND");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_event WHERE step = 'EXPORT' AND exchange_id = ? AND code = 'NOT_FOUND'",
                        Integer.class,
                        unknown))
                .isEqualTo(1);

        HttpResponse<String> noCheckpoint =
                agency("auditor-1").postJson("/api/v1/audit/verify", "{\"fromCheckpoint\":987654321}");

        assertThat(noCheckpoint.statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForList(
                        "SELECT detail FROM audit_event WHERE step = 'VERIFY' AND outcome = 'REJECTED'"
                                + " AND code = 'NOT_FOUND' AND actor = 'auditor-1'",
                        String.class))
                .contains("no checkpoint 987654321");
    }

    /** The bundle of a delivered exchange verifies offline with the national root; the export is audited. */
    @Test
    void exportedBundleVerifiesOffline() throws Exception {
        UUID exchangeId = deliveredIncident();
        sequencer.seal();
        anchoring.anchorNewest();

        Path bundle = export(exchangeId);
        BundleVerifier.Report report = offline().verify(bundle);

        assertThat(report.problems()).isEmpty();
        assertThat(report.checked())
                .anySatisfy(line -> assertThat(line).contains("signed by").contains("MN-BORDER"))
                .anySatisfy(line -> assertThat(line).contains("time-stamped at"));
        assertThat(BorderlinkCommand.run(
                        "verify",
                        "--bundle",
                        bundle.toString(),
                        "--trust",
                        NATIONAL_ROOT,
                        "--checkpoint-certificate",
                        CHECKPOINT_CERTIFICATE,
                        "--tsa",
                        TSA_CA.toString()))
                .isZero();
        assertThat(jdbc.queryForList(
                        "SELECT step FROM audit_event WHERE exchange_id = ? AND actor = 'auditor-1'",
                        String.class,
                        exchangeId))
                .containsExactly("EXPORT");
    }

    /**
     * An exchange of the EC agency for the EC partner: what was sent carries the gateway's EC signature,
     * which the bundle's gateway certificates include, so it verifies offline like an RSA one.
     */
    @Test
    void exportedBundleOfAnEllipticCurveExchangeVerifiesOffline() throws Exception {
        Exchange forKorea = forKorea(fresh(Samples.borderIncidentFromBorderPolice()), "MN-INTEL");
        UUID exchangeId = forKorea.header().exchangeId();
        assertThat(agency("mn-intel").submit(protect(forKorea, "mn-intel")).statusCode())
                .isEqualTo(202);
        awaitDelivered(exchangeId);
        sequencer.seal();
        anchoring.anchorNewest();

        BundleVerifier.Report report = offline().verify(export(exchangeId));

        assertThat(report.problems()).isEmpty();
        assertThat(report.checked())
                .anySatisfy(line -> assertThat(line).contains("signed by").contains("MN-INTEL"))
                .anySatisfy(line ->
                        assertThat(line).contains("gateway's certificate").contains("National Root"))
                .anySatisfy(line -> assertThat(line).contains("2 signatures verify"));
    }

    /** One event's detail edited inside the zip after export: the offline verifier names the file. */
    @Test
    void bundleEditedAfterExportFailsOfflineVerification() throws Exception {
        UUID exchangeId = deliveredIncident();
        Path bundle = export(exchangeId);

        Path edited = rewrite(bundle, BundleFormat.CHAIN, chain -> chain.replace("\"RECEIVE\"", "\"REFUSE\""));
        BundleVerifier.Report report = offline().verify(edited);

        assertThat(report.intact()).isFalse();
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("chain.json"));
        assertThat(BorderlinkCommand.run(
                        "verify",
                        "--bundle",
                        edited.toString(),
                        "--trust",
                        NATIONAL_ROOT,
                        "--checkpoint-certificate",
                        CHECKPOINT_CERTIFICATE))
                .isEqualTo(1);
    }

    /** A file replaced by something that is not even JSON: a finding in the report, not a crash. */
    @Test
    void bundleWithAnUnreadableFileIsReportedNotThrown() throws Exception {
        UUID exchangeId = deliveredIncident();
        Path edited = rewrite(export(exchangeId), BundleFormat.CHECKPOINTS, checkpoints -> "not json");

        BundleVerifier.Report report = offline().verify(edited);

        assertThat(report.problems())
                .anySatisfy(p -> assertThat(p).contains("checkpoints.json"))
                .anySatisfy(p -> assertThat(p).contains("cannot be read"));
    }

    /** Edited and the manifest's digest updated to match: the gateway's signature on the manifest fails. */
    @Test
    void bundleWithARecomputedManifestFailsOfflineVerification() throws Exception {
        UUID exchangeId = deliveredIncident();
        Path bundle = export(exchangeId);
        String original = read(bundle, BundleFormat.CHAIN);
        String forged = original.replace("\"RECEIVE\"", "\"REFUSE\"");

        Path edited = rewrite(bundle, BundleFormat.CHAIN, chain -> forged);
        Path remanifested =
                rewrite(edited, BundleFormat.MANIFEST, manifest -> manifest.replace(sha256(original), sha256(forged)));

        assertThat(offline().verify(remanifested).problems())
                .anySatisfy(p -> assertThat(p).contains("manifest"));
    }

    /** A time range holding the exchange: its entries and the others' hashes, verifiable offline. */
    @Test
    void exportedTimeRangeVerifiesOffline() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        UUID exchangeId = deliveredIncident();
        Instant to = Instant.now().plusSeconds(1);

        HttpResponse<byte[]> response = agency("auditor-1")
                .postJsonForBytes("/api/v1/audit/exports", "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}");
        Path bundle = tmp.resolve("range.zip");
        Files.write(bundle, response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(offline().verify(bundle).problems()).isEmpty();
        assertThat(read(bundle, BundleFormat.EVIDENCE)).contains(exchangeId.toString());
    }

    /** A range holding more events than one bundle may is refused with its code, and audited. */
    @Test
    void refusesARangeTooLargeForOneBundle() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        while (chainedSince(from) <= 60) {
            deliveredIncident();
            sequencer.seal();
        }
        Instant to = Instant.now().plusSeconds(1);

        HttpResponse<String> refused = agency("auditor-1")
                .postJson("/api/v1/audit/exports", "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("code").asText()).isEqualTo("REQUEST_INVALID");
        assertThat(JSON.readTree(refused.body()).get("detail").asText())
                .contains("more than the 60 events one bundle may hold");
        assertThat(jdbc.queryForList(
                        "SELECT detail FROM audit_event WHERE step = 'EXPORT' AND outcome = 'REJECTED'"
                                + " AND code = 'REQUEST_INVALID' AND actor = 'auditor-1'",
                        String.class))
                .singleElement()
                .asString()
                .contains("export shorter ranges");
    }

    private int chainedSince(Instant from) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM audit_chain c JOIN audit_event e ON e.id = c.event_id WHERE e.occurred_at >= ?",
                Integer.class,
                from.atOffset(ZoneOffset.UTC));
    }

    /** The console pages an auditor uses render for auditor-1 and are refused to an officer. */
    @Test
    void auditorReadsTheTrailAndTheTimelineInTheConsole() {
        UUID exchangeId = deliveredIncident();

        HttpResponse<String> search = agency("auditor-1").get("/console/audit?exchangeId=" + exchangeId);
        HttpResponse<String> timeline = agency("auditor-1").get("/console/audit/exchanges/" + exchangeId);
        HttpResponse<String> officer = agency("officer-1").get("/console/audit");

        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body())
                .contains("Verify the chain")
                .contains("Newest signed checkpoints")
                .contains("RECEIVE");
        assertThat(timeline.statusCode()).isEqualTo(200);
        assertThat(timeline.body())
                .contains("MN-BORDER")
                .contains("SIGNED_ORIGINAL")
                .contains("Export the evidence");
        assertThat(officer.statusCode()).isEqualTo(403);
    }

    private BundleVerifier offline() {
        return new BundleVerifier(
                List.of(DevPki.ca("national-root")),
                List.of(DevPki.certificate("audit-checkpoint")),
                List.of(TSA.ca()));
    }

    private Path export(UUID exchangeId) throws IOException {
        HttpResponse<byte[]> response = agency("auditor-1")
                .postJsonForBytes("/api/v1/audit/exports", "{\"exchangeId\":\"" + exchangeId + "\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        Path bundle = tmp.resolve("bundle-" + exchangeId + ".zip");
        Files.write(bundle, response.body());
        return bundle;
    }

    private UUID deliveredIncident() {
        Exchange incident = fresh(Samples.borderIncidentFromBorderPolice());
        UUID exchangeId = incident.header().exchangeId();
        assertThat(agency("mn-border").submit(protect(incident, "mn-border")).statusCode())
                .isEqualTo(202);
        awaitDelivered(exchangeId);
        return exchangeId;
    }

    private void awaitDelivered(UUID exchangeId) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM audit_event WHERE exchange_id = ? AND step = 'DELIVER'"
                                        + " AND outcome = 'OK'",
                                Long.class,
                                exchangeId)
                        > 0);
    }

    /** Three batches of five events, each sealed: checkpoints at entries 5, 10 and 15. */
    private void threeCheckpointedBatches() {
        for (int i = 0; i < 3; i++) {
            recordAndSeal(5);
        }
        assertThat(jdbc.queryForList("SELECT seq FROM audit_checkpoint ORDER BY seq", Long.class))
                .containsExactly(5L, 10L, 15L);
        assertThat(verification.verify(null).intact()).isTrue();
    }

    private void recordAndSeal(int events) {
        for (int i = 0; i < events; i++) {
            trail.record(AuditEvent.ok(AuditStep.RECEIVE, UUID.randomUUID()).actor("MN-BORDER", null));
        }
        sequencer.seal();
    }

    private long eventAt(long seq) {
        return jdbc.queryForObject("SELECT event_id FROM audit_chain WHERE seq = ?", Long.class, seq);
    }

    private ChainReport assertFirstProblem(Kind kind, long seq) {
        ChainReport report = verification.verify(null);
        assertThat(report.intact()).isFalse();
        assertThat(report.firstProblem().kind())
                .as(report.firstProblem().toString())
                .isEqualTo(kind);
        assertThat(report.firstProblem().seq())
                .as(report.firstProblem().toString())
                .isEqualTo(seq);
        return report;
    }

    private static String read(Path zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IllegalArgumentException(name + " is not in " + zip);
    }

    private Path rewrite(Path zip, String name, java.util.function.UnaryOperator<String> edit) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(name)) {
                    String edited = edit.apply(new String(content, StandardCharsets.UTF_8));
                    assertThat(edited).isNotEqualTo(new String(content, StandardCharsets.UTF_8));
                    content = edited.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        Path edited = tmp.resolve("edited-" + UUID.randomUUID() + ".zip");
        Files.write(edited, bytes.toByteArray());
        return edited;
    }

    private static String sha256(String content) {
        return io.borderlink.crypto.Digests.sha256(content.getBytes(StandardCharsets.UTF_8));
    }
}
