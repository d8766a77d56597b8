package io.borderlink.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.gateway.exchange.EvidenceKind;
import io.borderlink.gateway.exchange.EvidenceStore;
import io.borderlink.gateway.support.GatewayTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The receipts of the other partner formats, under the real partner files (which require them): the
 * customs network's signed Acknowledgement and the notice bureau's JWS are verified and kept as evidence.
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
