package io.borderlink.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.HandlingCode;
import io.borderlink.contracts.exchange.Markings;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.KeyTransport;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.testkit.AgencyDocuments;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.DevTls;
import io.borderlink.testkit.GatewayProcess;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two real gateways that share no network, only two folders (docs/air-gap.md): the national gateway A and
 * RU-LIAISON's own gateway B. An agency's exchange crosses from A to B as a signed, encrypted file with a
 * national label bound to it, B imports it and writes its signed receipt back, which makes A's share
 * DELIVERED; and the same the other way, from B to A.
 */
class FileDropRoundTripIT {

    private static final AgencyDocuments AGENCY = new AgencyDocuments(new XmlCrypto());

    @Test
    void twoGatewaysExchangeSharesAndReceiptsThroughFoldersOnly() throws Exception {
        Scenario a = new Scenario("drop-a");
        Scenario b = new Scenario("drop-b");
        Path aToB = a.folder.resolve("a-to-b");
        Path bToA = a.folder.resolve("b-to-a");
        try (GatewayProcess gatewayA = DropGateway.a(a, "a", aToB, bToA, List.of());
                GatewayProcess gatewayB = DropGateway.b(b, "b", bToA, aToB)) {
            DropGateway.healthy(gatewayA);
            DropGateway.healthy(gatewayB);

            Exchange toB = addressed(incident(), "RU-LIAISON", "RUS");
            submit(gatewayA, toB, "gateway");
            UUID receivedByB =
                    UUID.nameUUIDFromBytes(("MN-GATEWAY/" + shareId(a, toB)).getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> b.count("SELECT count(*) FROM exchange WHERE id = '" + receivedByB + "'") == 1);
            await().atMost(Duration.ofMinutes(2)).until(() -> "DELIVERED".equals(shareState(a, toB)));

            Exchange toA = addressed(incident(), "MN-GATEWAY", "MNG");
            submit(gatewayB, toA, "ru-liaison");
            UUID receivedByA =
                    UUID.nameUUIDFromBytes(("RU-LIAISON/" + shareId(b, toA)).getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> a.count("SELECT count(*) FROM exchange WHERE id = '" + receivedByA + "'") == 1);
            await().atMost(Duration.ofMinutes(2)).until(() -> "DELIVERED".equals(shareState(b, toA)));

            assertThat(b.query("SELECT channel FROM exchange WHERE id = '" + receivedByB + "'"))
                    .containsExactly("DROP");
            assertThat(b.query("SELECT originator FROM exchange WHERE id = '" + receivedByB + "'"))
                    .containsExactly("MN-GATEWAY");
            assertThat(b.count(
                            "SELECT count(*) FROM drop_import WHERE sender_id = 'MN-GATEWAY' AND outcome = 'IMPORTED'"))
                    .isEqualTo(2); // the message and the receipt for B's message
            assertThat(a.count(
                            "SELECT count(*) FROM drop_import WHERE sender_id = 'RU-LIAISON' AND outcome = 'IMPORTED'"))
                    .isEqualTo(2);
        } finally {
            a.close();
            b.close();
        }
    }

    private static Exchange incident() {
        return ExchangeXml.read(SecureXml.parse(Samples.byCategory(Category.BORDER_INCIDENT)));
    }

    /** A fresh exchange of the border police's for one partner, releasable to its country, H1. */
    private static Exchange addressed(Exchange sample, String partner, String country) {
        Exchange fresh = AgencyDocuments.fresh(sample, Instant.now());
        Markings m = fresh.markings().withReleasableTo(List.of(country));
        return fresh.withHeader(fresh.header().withAddressees(List.of(partner)))
                .withMarkings(new Markings(
                        m.classification(),
                        m.tlp(),
                        m.releasableTo(),
                        HandlingCode.H1,
                        null,
                        m.sourceReliability(),
                        m.informationAccuracy(),
                        null));
    }

    /** The border police submit to a gateway, encrypting to the key that gateway decrypts with. */
    private static void submit(GatewayProcess gateway, Exchange exchange, String gatewayKey) throws Exception {
        byte[] document = AGENCY.protect(
                exchange, DevPki.key("mn-border"), DevPki.certificate(gatewayKey), KeyTransport.RSA_OAEP);
        HttpResponse<String> receipt = DevTls.client("mn-border")
                .send(
                        HttpRequest.newBuilder(gateway.uri("/api/v1/exchanges"))
                                .header("Content-Type", "application/xml")
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(document))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(202);
    }

    private static UUID shareId(Scenario gateway, Exchange exchange) throws Exception {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> gateway.count("SELECT count(*) FROM share WHERE exchange_id = '"
                                + exchange.header().exchangeId() + "'")
                        == 1);
        return UUID.fromString(gateway.query("SELECT id FROM share WHERE exchange_id = '"
                        + exchange.header().exchangeId() + "'")
                .get(0));
    }

    private static String shareState(Scenario gateway, Exchange exchange) throws Exception {
        List<String> states = gateway.query("SELECT state FROM share WHERE exchange_id = '"
                + exchange.header().exchangeId() + "'");
        return states.isEmpty() ? null : states.get(0);
    }
}
