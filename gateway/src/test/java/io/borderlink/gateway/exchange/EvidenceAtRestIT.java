package io.borderlink.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.gateway.support.GatewayTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Evidence at rest on the H2 file database: an exchange whose narrative carries a marker is submitted and
 * delivered, the database is flushed to disk, and no file under the database's folder holds the marker,
 * in any encoding a database might store it in, although the gateway itself still reads it back.
 */
@DirtiesContext
class EvidenceAtRestIT extends GatewayTestSupport {

    private static final String MARKER =
            "MARKER-" + UUID.randomUUID().toString().substring(0, 8) + "-Lada";
    private static final Path FOLDER = Path.of("gateway/target/evidence-at-rest/" + UUID.randomUUID());

    @Autowired
    EvidenceStore evidence;

    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:file:" + FOLDER.toAbsolutePath() + "/borderlink;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH");
    }

    /** The narrative, the originals, the partner views and what was sent are nowhere in the clear on disk. */
    @Test
    void noFileOfTheDatabaseHoldsThePlaintextOfAnExchange() throws Exception {
        Exchange alert = fresh(markedVehicleAlert());
        UUID id = alert.header().exchangeId();

        assertThat(agency("mn-border").submit(protect(alert, "mn-border")).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM evidence WHERE exchange_id = ? AND kind = 'SENT_SIGNED'",
                                Integer.class,
                                id)
                        == 2);
        jdbc.execute("CHECKPOINT SYNC");

        assertThat(new String(
                        evidence.original(id, EvidenceKind.SIGNED_ORIGINAL).orElseThrow(), StandardCharsets.UTF_8))
                .as("the gateway reads its evidence back")
                .contains(MARKER);
        assertThat(filesHolding("MN-BORDER"))
                .as("the scan finds what is stored in the clear (the originator column)")
                .isNotEmpty();
        assertThat(filesHolding(MARKER)).as("files holding the marker").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evidence WHERE NOT sealed", Integer.class))
                .isZero();
    }

    private static byte[] markedVehicleAlert() {
        String sample = new String(Samples.vehicleAlertFromBorderPolice(), StandardCharsets.UTF_8);
        String marked = sample.replace("The white Toyota", MARKER + " The white Toyota");
        assertThat(marked).contains(MARKER);
        ExchangeXml.read(SecureXml.parse(marked.getBytes(StandardCharsets.UTF_8)));
        return marked.getBytes(StandardCharsets.UTF_8);
    }

    private static List<Path> filesHolding(String text) throws IOException {
        List<byte[]> needles = List.of(
                text.getBytes(StandardCharsets.UTF_8),
                text.getBytes(StandardCharsets.UTF_16BE),
                text.getBytes(StandardCharsets.UTF_16LE));
        List<Path> holding = new ArrayList<>();
        try (Stream<Path> files = Files.walk(FOLDER)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content = read(file);
                if (needles.stream().anyMatch(needle -> contains(content, needle))) {
                    holding.add(file);
                }
            }
        }
        return holding;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
