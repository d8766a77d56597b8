package io.borderlink.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderlink.adapters.filedrop.DropFolder;
import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.Header;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.testkit.AgencyDocuments;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.FileDropPartner;
import io.borderlink.testkit.GatewayProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A gateway killed with SIGKILL while it imports a courier's worth of files from RU-LIAISON (docs/air-gap.md),
 * then started again: every file's message is stored exactly once, no file is quarantined or left behind,
 * and each number is recorded as imported once.
 */
class FileDropCrashIT {

    private static final int FILES = 40;

    @Test
    void aGatewayKilledMidImportLosesNothingAndTakesNothingTwice() throws Exception {
        Scenario scenario = new Scenario("drop-crash");
        Path out = scenario.folder.resolve("to-ru");
        Path in = scenario.folder.resolve("from-ru");
        // Gateway A decrypts with certs-dev/gateway.p12 in these tests (DropGateway).
        FileDropPartner ru = new FileDropPartner("ru-liaison", DevPki.certificate("gateway"), out, in, null);
        List<UUID> sent = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            Exchange message = fromRuLiaison();
            ru.send(message);
            sent.add(UUID.nameUUIDFromBytes(
                    ("RU-LIAISON/" + message.header().exchangeId()).getBytes(StandardCharsets.UTF_8)));
        }
        // A few files at a time, so that the kill lands in the middle of the import.
        List<String> slow = List.of("--borderlink.file-drop.batch-size=3");
        int importedAtKill;
        try {
            GatewayProcess first = DropGateway.healthy(DropGateway.a(scenario, "a", out, in, slow));
            try {
                await().atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> imported(scenario) >= 5);
                first.kill();
            } finally {
                first.close();
            }
            importedAtKill = imported(scenario);
            assertThat(importedAtKill).as("killed before the last file").isLessThan(FILES);

            try (GatewayProcess second = DropGateway.healthy(DropGateway.a(scenario, "a-restarted", out, in, slow))) {
                await().atMost(Duration.ofMinutes(3))
                        .until(() -> DropFolder.files(in).isEmpty());
                await().atMost(Duration.ofSeconds(30)).until(() -> imported(scenario) == FILES);
            }

            for (UUID id : sent) {
                assertThat(scenario.count("SELECT count(*) FROM exchange WHERE id = '" + id + "'"))
                        .as("exchange %s", id)
                        .isEqualTo(1);
            }
            assertThat(scenario.count(
                            "SELECT count(*) FROM exchange WHERE originator = 'RU-LIAISON' AND channel = 'DROP'"))
                    .isEqualTo(FILES);
            assertThat(scenario.count("SELECT count(*) FROM drop_import WHERE outcome = 'QUARANTINED'"))
                    .isZero();
            assertThat(Files.exists(in.resolve(DropFolder.QUARANTINE))).isFalse();
            System.out.printf(
                    "%s %-16s files=%d imported-at-kill=%d stored=%d duplicates-dropped=%d lost=0%n",
                    Instant.now(),
                    "file-drop-crash",
                    FILES,
                    importedAtKill,
                    FILES,
                    scenario.count("SELECT count(*) FROM audit_event WHERE step = 'IMPORT' AND code = 'DUPLICATE'"));
        } finally {
            scenario.close();
        }
    }

    private static int imported(Scenario scenario) throws Exception {
        return scenario.count(
                "SELECT count(*) FROM drop_import WHERE sender_id = 'RU-LIAISON' AND outcome = 'IMPORTED'");
    }

    /** A vehicle alert RU-LIAISON's gateway sends by file, created now and released to us. */
    private static Exchange fromRuLiaison() {
        Exchange sample = AgencyDocuments.fresh(
                ExchangeXml.read(SecureXml.parse(Samples.byCategory(Category.VEHICLE_ALERT))), Instant.now());
        Header h = sample.header();
        return new Exchange(
                new Header(
                        h.exchangeId(),
                        h.correlationId(),
                        h.createdAt(),
                        "MN-GATEWAY",
                        List.of(),
                        h.category(),
                        h.purpose(),
                        List.of()),
                sample.markings().withReleasableTo(List.of("MNG")),
                sample.body());
    }
}
