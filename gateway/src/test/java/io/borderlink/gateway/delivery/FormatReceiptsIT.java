package io.borderlink.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderlink.adapters.format.ReceiptFormat;
import io.borderlink.adapters.liaison.LiaisonSoap;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.Digests;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.gateway.exchange.EvidenceKind;
import io.borderlink.gateway.exchange.EvidenceStore;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.PartnerSide;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;

/**
 * The receipts of the other partner formats, under the real partner files (which require them): the
 * customs network's signed Acknowledgement and the notice bureau's JWS are verified and kept as evidence;
 * and the gateway's own receipt to a liaison office that delivers to us.
 */
@TestPropertySource(properties = "borderlink.config.partners=config/partners")
class FormatReceiptsIT extends GatewayTestSupport {

    @Autowired
    EvidenceStore evidence;

    /** The customs network answers a seizure report with a signed Acknowledgement. */
    @Test
    void keepsTheCustomsNetworksSignedAcknowledgementAsEvidence() {
        UUID id = submit(Samples.seizureReportFromCustoms(), "mn-customs");

        awaitDelivered(id, "WCO-RILO");
        assertThat(receipt(id, "WCO-RILO")).contains("Acknowledgement").contains("SignatureValue");
    }

    /** The notice bureau answers a missing-person request with a JWS carrying its certificate. */
    @Test
    void keepsTheNoticeBureausSignedJwsAsEvidence() {
        UUID id = submit(Samples.missingPersonFromBorderPolice(), "mn-border");

        awaitDelivered(id, "INTERPOL-NCB");
        assertThat(receipt(id, "INTERPOL-NCB")).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
    }

    /** A liaison office delivering to us gets a DeliverResponse with a Receipt signed by the gateway. */
    @Test
    void answersALiaisonOfficeWithAReceiptSignedByTheGatewayOverWhatItSent() {
        PartnerSide.Sent alert = PartnerSide.send(
                "ru-liaison",
                Samples.vehicleAlertFromRuLiaison(),
                Map.of("Created", Instant.now().toString()));

        HttpResponse<String> answer = agency("ru-liaison").deliverLiaison(alert.bytes());

        assertThat(answer.statusCode()).isEqualTo(200);
        byte[] signed = LiaisonSoap.RECEIPT
                .find(answer.body().getBytes(StandardCharsets.UTF_8))
                .orElseThrow(() -> new AssertionError("no Receipt in " + answer.body()));
        Document receipt = SecureXml.parse(signed);
        assertThat(new XmlCrypto().verify(receipt)).isEqualTo(DevPki.certificate("gateway"));
        ReceiptFormat.Claims claims = LiaisonSoap.RECEIPT.claims(receipt);
        assertThat(claims.messageId()).isEqualTo(alert.messageId().toString());
        assertThat(claims.receivedDigest()).isEqualTo(Digests.ofMessage(alert.bytes()));
    }

    private UUID submit(byte[] sample, String agency) {
        Exchange exchange = fresh(sample);
        assertThat(agency(agency).submit(protect(exchange, agency)).statusCode())
                .isEqualTo(202);
        return exchange.header().exchangeId();
    }

    private void awaitDelivered(UUID exchangeId, String recipient) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                        "SELECT state FROM share WHERE exchange_id = ? AND recipient_id = ?",
                        String.class,
                        exchangeId,
                        recipient))
                .isEqualTo("DELIVERED"));
    }

    private String receipt(UUID exchangeId, String recipient) {
        return new String(
                evidence.find(exchangeId, EvidenceKind.PARTNER_RECEIPT, recipient)
                        .orElseThrow(() -> new AssertionError("no PARTNER_RECEIPT kept for " + recipient)),
                StandardCharsets.UTF_8);
    }
}
