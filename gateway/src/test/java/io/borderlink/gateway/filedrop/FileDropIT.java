package io.borderlink.gateway.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderlink.adapters.filedrop.DropDocuments;
import io.borderlink.adapters.filedrop.DropFolder;
import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.HandlingCode;
import io.borderlink.contracts.exchange.Header;
import io.borderlink.contracts.exchange.Markings;
import io.borderlink.contracts.exchange.Tlp;
import io.borderlink.contracts.label.LabelXml;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.Digests;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.FileDropPartner;
import io.borderlink.testkit.FileDropPartner.Received;
import io.borderlink.testkit.LabelledDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;

/**
 * The file-drop transport on one gateway (docs/air-gap.md), with NATO-LIAISON, which has no online link,
 * played by the test kit through its two folders only: shares leave as signed, encrypted, numbered files with
 * a signed manifest and are delivered once its signed receipt comes back; its own files are imported like
 * pushed messages, answered with receipts, and a replay, a gap, a tampered file and a file its manifest does
 * not announce are each handled as the transport promises.
 */
@TestPropertySource(
        properties = {
            "borderlink.config.partners=gateway/src/test/resources/filedrop/partners",
            "borderlink.config.agencies=gateway/src/test/resources/filedrop/agencies",
            "borderlink.file-drop.import-enabled=true",
            "borderlink.file-drop.import-interval=200ms",
            "borderlink.file-drop.manifest-interval=300ms"
        })
class FileDropIT extends GatewayTestSupport {

    private static final Path FOLDERS = temporaryFolder();
    private static final Path EXPORT = FOLDERS.resolve("out");
    private static final Path IMPORT = FOLDERS.resolve("in");
    private static final Path CUSTOMS_EXPORT = FOLDERS.resolve("customs-out");
    private static final Path CUSTOMS_IMPORT = FOLDERS.resolve("customs-in");
    private static final XmlCrypto CRYPTO = new XmlCrypto();

    @Autowired
    HealthIndicator fileDropHealthIndicator;

    private FileDropPartner nato;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("borderlink.partner.nato-liaison.export", EXPORT::toString);
        registry.add("borderlink.partner.nato-liaison.import", IMPORT::toString);
        registry.add("borderlink.agency.mn-customs.export", CUSTOMS_EXPORT::toString);
        registry.add("borderlink.agency.mn-customs.import", CUSTOMS_IMPORT::toString);
    }

    @BeforeEach
    void theOfficeReadsWhatIsLeftForIt() {
        clear(EXPORT);
        // One counter for the class: the gateway remembers every number the office used in earlier tests.
        nato = new FileDropPartner("interpol-ncb", EXPORT, IMPORT, FOLDERS.resolve("office-sequence"));
    }

    /**
     * The border police share an incident with NATO-LIAISON: a numbered file it decrypts and whose signature and
     * NATO label binding are the gateway's, listed in a signed manifest; handed over, then delivered on its receipt.
     */
    @Test
    void sharesLeaveAsNumberedFilesAndAreDeliveredWhenTheReceiptComesBack() {
        Exchange incident = forNato(fresh(Samples.borderIncidentFromBorderPolice()));
        assertThat(agency("mn-border").submit(protect(incident, "mn-border")).statusCode())
                .isEqualTo(202);
        UUID id = incident.header().exchangeId();

        await().atMost(Duration.ofSeconds(20)).until(() -> "HANDED_OVER".equals(shareState(id)));
        Received received = receivedFor(id);
        assertThat(received.signer()).isEqualTo(DevPki.certificate("gateway"));
        assertThat(CRYPTO.verifyBinding(
                        LabelXml.bindingIn(received.message()).orElseThrow(),
                        LabelledDocuments.body(received.message())))
                .isEqualTo(DevPki.certificate("gateway"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> manifestListing(received).isPresent());

        nato.receipt(received);

        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(shareState(id)));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM evidence WHERE exchange_id = ? AND kind = 'RECEIPT'", Integer.class, id))
                .isEqualTo(1);
        assertThat(auditOf(id))
                .anySatisfy(e -> assertThat((String) e.get("detail")).contains("handed over as"))
                .anySatisfy(e -> assertThat((String) e.get("detail"))
                        .contains("confirms " + received.file().getFileName()));
    }

    /** What the office sends by file reaches MN-DEFENCE like a pushed message, and a signed receipt goes back. */
    @Test
    void importsTheOfficesMessageAndAnswersWithAReceipt() {
        Exchange incident = fromNato(fresh(Samples.borderIncidentFromBorderPolice()));
        FileDropPartner.Written file = nato.send(incident);
        UUID exchangeId = exchangeIdOf(incident);

        Exchange delivered =
                deliveredTo(MN_DEFENCE, "mn-defence", incident.header().correlationId());

        assertThat(delivered.header().originator()).isEqualTo("NATO-LIAISON");
        assertThat(jdbc.queryForObject("SELECT channel FROM exchange WHERE id = ?", String.class, exchangeId))
                .isEqualTo("DROP");
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(file.file()));
        DropDocuments.Receipt receipt = await().atMost(Duration.ofSeconds(10))
                .until(() -> receiptFor(file.sequence()), Optional::isPresent)
                .orElseThrow();
        assertThat(receipt.messageId()).isEqualTo(incident.header().exchangeId().toString());
    }

    /**
     * An agency without an online link gets its share as a file too: what NATO-LIAISON sends MN-CUSTOMS is
     * written to the customs export folder, HANDED_OVER, and DELIVERED when customs' signed receipt comes back.
     */
    @Test
    void anAgencyReachedByFileDropGetsItsShareAsAFileAndConfirmsIt() {
        Exchange alert = fromNato(fresh(Samples.vehicleAlertFromBorderPolice()), Category.VEHICLE_ALERT);
        nato.send(alert);
        UUID exchangeId = exchangeIdOf(alert);
        FileDropPartner customs =
                new FileDropPartner("mn-customs", CUSTOMS_EXPORT, CUSTOMS_IMPORT, FOLDERS.resolve("customs-sequence"));

        await().atMost(Duration.ofSeconds(30)).until(() -> "HANDED_OVER".equals(agencyShare(exchangeId)));
        Received received = customs.messages().stream()
                .filter(r -> r.exchange().header().exchangeId().equals(exchangeId))
                .findFirst()
                .orElseThrow();
        assertThat(received.signer()).isEqualTo(DevPki.certificate("gateway"));
        customs.receipt(received);

        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(agencyShare(exchangeId)));
    }

    /**
     * A TLP:RED incident the office addresses to the General Staff reaches it alone: the border authority, which
     * takes the office's incidents too, is denied, and the audit trail says why.
     */
    @Test
    void aTlpRedIncidentReachesOnlyTheAgencyItNames() {
        Exchange incident = redFor(fromNato(fresh(Samples.borderIncidentFromBorderPolice())), "MN-DEFENCE");
        nato.send(incident);
        UUID exchangeId = exchangeIdOf(incident);

        Exchange delivered =
                deliveredTo(MN_DEFENCE, "mn-defence", incident.header().correlationId());

        assertThat(delivered.markings().tlp()).isEqualTo(Tlp.RED);
        assertThat(delivered.header().addressees()).containsExactly("MN-DEFENCE");
        List<Map<String, Object>> decisions = auditOf(exchangeId).stream()
                .filter(e -> "DECIDE".equals(e.get("step")))
                .toList();
        assertThat(decisions)
                .anySatisfy(e ->
                        assertThat(e).containsEntry("partner_id", "MN-DEFENCE").containsEntry("outcome", "RELEASED"))
                .anySatisfy(e -> assertThat(e)
                        .containsEntry("partner_id", "MN-BORDER")
                        .containsEntry("outcome", "DENIED")
                        .containsEntry("code", "tlp-red-named"));
        assertThat(jdbc.queryForObject(
                        "SELECT state FROM share WHERE exchange_id = ? AND recipient_id = 'MN-BORDER'",
                        String.class,
                        exchangeId))
                .isEqualTo("DENIED");
        assertThat(MN_BORDER.receivedFor(incident.header().correlationId())).isEmpty();
    }

    /** The same file a second time (a courier brought it twice) is dropped: stored once, delivered once. */
    @Test
    void dropsAReplayedFile() throws IOException {
        Exchange incident = fromNato(fresh(Samples.borderIncidentFromBorderPolice()));
        byte[] message = nato.protect(incident);
        FileDropPartner.Written first = nato.write(message);
        await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(first.file()));

        nato.write(first.sequence(), message);

        await().atMost(Duration.ofSeconds(20)).until(() -> auditedImports("DUPLICATE") > 0);
        assertThat(Files.exists(first.file())).isFalse();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM exchange WHERE id = ?", Integer.class, exchangeIdOf(incident)))
                .isEqualTo(1);
    }

    /**
     * Under a number already imported, the office's message rendered again (encrypted anew) is dropped as the
     * duplicate it is; a file claiming the same message id that the office did not sign (its ciphertext changed)
     * is quarantined and audited, and the import it claimed stays as it was.
     */
    @Test
    void quarantinesAForgedFileClaimingAnImportedMessage() throws IOException {
        Exchange incident = fromNato(fresh(Samples.borderIncidentFromBorderPolice()));
        byte[] message = nato.protect(incident);
        FileDropPartner.Written first = nato.write(message);
        await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(first.file()));

        int duplicates = auditedImports("DUPLICATE");
        Path again = nato.write(first.sequence(), nato.protect(incident));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !Files.exists(again) && auditedImports("DUPLICATE") > duplicates);

        byte[] forged = tampered(nato.protect(incident));
        Path file = nato.write(first.sequence(), forged);
        Path quarantined = IMPORT.resolve(DropFolder.QUARANTINE).resolve(file.getFileName());
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(quarantined));

        assertThat(Files.readString(quarantined.resolveSibling(file.getFileName() + ".reason.txt")))
                .startsWith("DECRYPTION_FAILED");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM audit_event WHERE step = 'IMPORT' AND outcome = 'REJECTED'"
                                        + " AND digest = ?",
                                Integer.class,
                                Digests.sha256(forged))
                        == 1);
        assertThat(jdbc.queryForList(
                        "SELECT outcome || ' ' || digest FROM drop_import WHERE sender_id = 'NATO-LIAISON' AND seq = ?",
                        String.class,
                        first.sequence()))
                .containsExactly("IMPORTED " + Digests.sha256(message));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM exchange WHERE id = ?", Integer.class, exchangeIdOf(incident)))
                .isEqualTo(1);
    }

    /** Two numbers never came: audited as a gap, and the health endpoint says which. */
    @Test
    void reportsAGapInTheOfficesNumbers() {
        nato.send(fromNato(fresh(Samples.borderIncidentFromBorderPolice())));
        FileDropPartner.Written before = nato.send(fromNato(fresh(Samples.borderIncidentFromBorderPolice())));
        nato.skip(2);
        FileDropPartner.Written after = nato.send(fromNato(fresh(Samples.borderIncidentFromBorderPolice())));

        await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(after.file()));

        assertThat(jdbc.queryForList(
                        "SELECT detail FROM audit_event WHERE step = 'IMPORT' AND code = 'SEQUENCE_GAP'", String.class))
                .contains("number " + after.sequence() + " arrived, " + (before.sequence() + 1) + "-"
                        + (before.sequence() + 2) + " missing");
        Health health = fileDropHealthIndicator.health();
        assertThat(health.getDetails().get("complete")).isEqualTo(false);
        assertThat(((Map<?, ?>) health.getDetails().get("NATO-LIAISON"))
                        .get("missing")
                        .toString())
                .contains((before.sequence() + 1) + "-" + (before.sequence() + 2));
    }

    /** A file changed on the way is quarantined with its reason; nothing of it is stored. */
    @Test
    void quarantinesATamperedFileWithItsReason() throws IOException {
        Exchange incident = fromNato(fresh(Samples.borderIncidentFromBorderPolice()));
        FileDropPartner.Written file = nato.write(tampered(nato.protect(incident)));

        Path quarantined =
                IMPORT.resolve(DropFolder.QUARANTINE).resolve(file.file().getFileName());
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(quarantined));

        assertThat(Files.readString(quarantined.resolveSibling(file.file().getFileName() + ".reason.txt")))
                .startsWith("DECRYPTION_FAILED");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM exchange WHERE id = ?", Integer.class, exchangeIdOf(incident)))
                .isZero();
        assertThat(jdbc.queryForList(
                        "SELECT code FROM audit_event WHERE step = 'IMPORT' AND outcome = 'REJECTED'", String.class))
                .contains("DECRYPTION_FAILED");
    }

    /**
     * A file larger than any document the gateway accepts is quarantined as MESSAGE_TOO_LARGE, named in the
     * ledger and the trail by its digest (taken in blocks, never loading the file whole).
     */
    @Test
    void quarantinesAFileTooLargeToAcceptUnderItsDigest() throws IOException {
        byte[] oversized = new byte[3 * 1024 * 1024];
        FileDropPartner.Written file = nato.write(oversized);

        Path quarantined =
                IMPORT.resolve(DropFolder.QUARANTINE).resolve(file.file().getFileName());
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(quarantined));

        assertThat(Files.readString(quarantined.resolveSibling(file.file().getFileName() + ".reason.txt")))
                .startsWith("MESSAGE_TOO_LARGE");
        // The file is moved first, then recorded and audited.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(jdbc.queryForList(
                            "SELECT digest FROM drop_import WHERE sender_id = 'NATO-LIAISON' AND seq = ?",
                            String.class,
                            file.sequence()))
                    .containsExactly(Digests.sha256(oversized));
            assertThat(jdbc.queryForList(
                            "SELECT digest FROM audit_event WHERE step = 'IMPORT' AND code = 'MESSAGE_TOO_LARGE'",
                            String.class))
                    .contains(Digests.sha256(oversized));
        });
    }

    /**
     * An exchange NATO-LIAISON signed for another country (releasable to EST only), encrypted anew to us and
     * dropped in the folder, is not ours: quarantined and audited as PROFILE_VIOLATION, nothing stored.
     */
    @Test
    void quarantinesAPeersExchangeReleasedToOthers() throws IOException {
        Exchange forEstonia = fromNato(fresh(Samples.borderIncidentFromBorderPolice()));
        forEstonia = forEstonia.withMarkings(forEstonia.markings().withReleasableTo(List.of("EST")));
        FileDropPartner.Written file = nato.send(forEstonia);

        Path quarantined =
                IMPORT.resolve(DropFolder.QUARANTINE).resolve(file.file().getFileName());
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(quarantined));

        assertThat(Files.readString(quarantined.resolveSibling(file.file().getFileName() + ".reason.txt")))
                .startsWith("PROFILE_VIOLATION")
                .contains("not releasable to MNG");
        await().atMost(Duration.ofSeconds(10)).until(() -> auditedImports("PROFILE_VIOLATION") > 0);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM exchange WHERE id = ?", Integer.class, exchangeIdOf(forEstonia)))
                .isZero();
    }

    /** The office's signed manifest says what its next number must be; another file under it is refused. */
    @Test
    void quarantinesAFileItsSignedManifestDoesNotAnnounce() throws IOException {
        long next = nato.nextNumber();
        byte[] announced = nato.protect(fromNato(fresh(Samples.borderIncidentFromBorderPolice())));
        nato.manifest(List.of(FileDropPartner.entry(next, announced)));
        await().atMost(Duration.ofSeconds(20)).until(() -> manifestImported(next));

        FileDropPartner.Written other = nato.send(fromNato(fresh(Samples.borderIncidentFromBorderPolice())));

        assertThat(other.sequence()).isEqualTo(next);
        Path quarantined =
                IMPORT.resolve(DropFolder.QUARANTINE).resolve(other.file().getFileName());
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(quarantined));
        assertThat(Files.readString(quarantined.resolveSibling(other.file().getFileName() + ".reason.txt")))
                .startsWith("TRANSFER_FILE_INVALID")
                .contains("announces as number " + next);
    }

    /** A file under a name the transport never writes is quarantined, not guessed at. */
    @Test
    void quarantinesAFileWithAForeignName() throws IOException {
        Path stray = DropFolder.write(IMPORT, "holiday-photos.zip", new byte[] {1, 2, 3});

        Path quarantined = IMPORT.resolve(DropFolder.QUARANTINE).resolve(stray.getFileName());
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(quarantined));
        assertThat(Files.readString(quarantined.resolveSibling("holiday-photos.zip.reason.txt")))
                .startsWith("TRANSFER_FILE_INVALID");
    }

    private Received receivedFor(UUID exchangeId) {
        return nato.messages().stream()
                .filter(r -> r.exchange().header().correlationId().equals(exchangeId))
                .findFirst()
                .orElseThrow();
    }

    private Optional<DropDocuments.Manifest> manifestListing(Received received) {
        return DropFolder.files(EXPORT).stream()
                .filter(f -> f.getFileName().toString().startsWith("manifest-"))
                .map(f -> DropDocuments.readManifest(SecureXml.parse(read(f))))
                .filter(m -> m.files().stream()
                        .anyMatch(e -> e.sequence() == received.sequence()
                                && e.digest().equals(received.digest())))
                .findFirst();
    }

    private Optional<DropDocuments.Receipt> receiptFor(long sequence) {
        return DropFolder.files(EXPORT).stream()
                .filter(f -> f.getFileName().toString().endsWith("-receipt.xml"))
                .map(f -> {
                    Document receipt = SecureXml.parse(read(f));
                    assertThat(CRYPTO.verify(receipt)).isEqualTo(DevPki.certificate("gateway"));
                    return DropDocuments.readReceipt(receipt);
                })
                .filter(r -> r.file().sequence() == sequence)
                .findFirst();
    }

    private String shareState(UUID exchangeId) {
        return jdbc
                .queryForList(
                        "SELECT state FROM share WHERE exchange_id = ? AND recipient_id = 'NATO-LIAISON'",
                        String.class,
                        exchangeId)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private String agencyShare(UUID exchangeId) {
        return jdbc
                .queryForList(
                        "SELECT state FROM share WHERE exchange_id = ? AND recipient_id = 'MN-CUSTOMS'",
                        String.class,
                        exchangeId)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private boolean manifestImported(long sequence) {
        return jdbc.queryForObject(
                        "SELECT count(*) FROM drop_announced WHERE sender_id = 'NATO-LIAISON' AND seq = ?",
                        Integer.class,
                        sequence)
                > 0;
    }

    /** The message with one character of its encrypted Body changed, as on a faulty or hostile way. */
    private static byte[] tampered(byte[] protectedMessage) {
        String message = new String(protectedMessage, StandardCharsets.UTF_8);
        int cipher = message.lastIndexOf("<xenc:CipherValue>") + "<xenc:CipherValue>".length() + 10;
        char flipped = message.charAt(cipher) == 'A' ? 'B' : 'A';
        return (message.substring(0, cipher) + flipped + message.substring(cipher + 1))
                .getBytes(StandardCharsets.UTF_8);
    }

    private int auditedImports(String code) {
        return code == null
                ? jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE step = 'IMPORT'", Integer.class)
                : jdbc.queryForObject(
                        "SELECT count(*) FROM audit_event WHERE step = 'IMPORT' AND code = ?", Integer.class, code);
    }

    /** The exchange id the gateway gives what NATO-LIAISON sends: derived from the partner and its id. */
    private static UUID exchangeIdOf(Exchange sent) {
        return UUID.nameUUIDFromBytes(("NATO-LIAISON/" + sent.header().exchangeId()).getBytes(StandardCharsets.UTF_8));
    }

    /** Releasable to NATO, H1, addressed to NATO-LIAISON. */
    private static Exchange forNato(Exchange exchange) {
        return exchange.withHeader(exchange.header().withAddressees(List.of("NATO-LIAISON")))
                .withMarkings(releasableTo(exchange.markings(), "NATO"));
    }

    /** What the office would send: its own originator, created now. */
    private static Exchange fromNato(Exchange exchange) {
        return fromNato(exchange, Category.BORDER_INCIDENT);
    }

    private static Exchange fromNato(Exchange exchange, Category category) {
        Header h = exchange.header();
        return new Exchange(
                new Header(
                        h.exchangeId(),
                        h.correlationId(),
                        Instant.now(),
                        "NATO-LIAISON",
                        List.of(),
                        category,
                        h.purpose(),
                        List.of()),
                releasableTo(exchange.markings(), "MNG"),
                exchange.body());
    }

    /** TLP:RED, addressed to the agency named. */
    private static Exchange redFor(Exchange exchange, String agency) {
        Markings m = exchange.markings();
        return exchange.withHeader(exchange.header().withAddressees(List.of(agency)))
                .withMarkings(new Markings(
                        m.classification(),
                        Tlp.RED,
                        m.releasableTo(),
                        m.handlingCode(),
                        m.handlingConditions(),
                        m.sourceReliability(),
                        m.informationAccuracy(),
                        m.foreignMarking()));
    }

    private static Markings releasableTo(Markings m, String code) {
        return new Markings(
                m.classification(),
                m.tlp(),
                List.of(code),
                HandlingCode.H1,
                null,
                m.sourceReliability(),
                m.informationAccuracy(),
                null);
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("borderlink-file-drop");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void clear(Path folder) {
        DropFolder.files(folder).forEach(file -> {
            try {
                Files.delete(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
