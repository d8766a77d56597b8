package io.borderlink.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.borderlink.adapters.format.ReceiptFormat;
import io.borderlink.adapters.liaison.LiaisonSoap;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.crypto.Certificates;
import io.borderlink.gateway.exchange.EvidenceKind;
import io.borderlink.gateway.exchange.EvidenceStore;
import io.borderlink.gateway.partner.Partners;
import io.borderlink.gateway.partner.Receipts;
import io.borderlink.gateway.partner.Recipient;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.gateway.support.SignedReceipts.Receipt;
import io.borderlink.testkit.PartnerSide;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Receipts from partners (the liaison format here; the others in {@code FormatReceiptsIT}): a 2xx answer counts as delivered only with the partner's signed
 * receipt naming the message and the digest of what was sent, which is then kept as evidence; a missing,
 * forged or mismatched receipt is {@code RECEIPT_INVALID}, retried and then dead-lettered.
 */
class PartnerReceiptsIT extends GatewayTestSupport {

    @Autowired
    PartnerReceipts receipts;

    @Autowired
    Partners partners;

    @Autowired
    EvidenceStore evidence;

    /** RU-LIAISON answers with a DeliverResponse carrying its signed Receipt: delivered, receipt kept. */
    @Test
    void keepsTheLiaisonOfficesSignedReceiptAsEvidence() {
        UUID id = submit(Samples.borderIncidentFromBorderPolice(), "mn-border");

        awaitState(id, "RU-LIAISON", "DELIVERED");
        assertThat(partnerReceipt(id, "RU-LIAISON")).contains("<Receipt").contains("SignatureValue");
        assertThat(deliverDetail(id, "RU-LIAISON"))
                .contains("verified signed receipt")
                .contains("CN=RU-LIAISON");
    }

    /** A plain 200 without a receipt is not a delivery: retried, then dead-lettered, with RECEIPT_INVALID. */
    @Test
    void deadLettersAShareWhosePartnerAnswersWithoutAReceipt() {
        RU_LIAISON.receipts(Receipt.NONE);

        UUID id = submit(Samples.borderIncidentFromBorderPolice(), "mn-border");

        awaitState(id, "RU-LIAISON", "DEAD_LETTER");
        assertRefusedEveryAttempt(id, "without a signed receipt");
    }

    /** A receipt signed by a key outside RU-LIAISON's own root is refused. */
    @Test
    void refusesAReceiptSignedByAnotherThanThePartner() {
        RU_LIAISON.receipts(Receipt.FORGED);

        UUID id = submit(Samples.borderIncidentFromBorderPolice(), "mn-border");

        awaitState(id, "RU-LIAISON", "DEAD_LETTER");
        assertRefusedEveryAttempt(id, "CERT_UNTRUSTED");
    }

    /**
     * A receipt signed by a certificate under the recipient's own root, but not the one its file registers, is
     * refused: here RU-LIAISON's own receipt, checked for a recipient registered with another certificate.
     */
    @Test
    void refusesAReceiptSignedWithAnotherCertificateThanTheRecipientRegisters() {
        Recipient registeredOtherwise = ruLiaison(Path.of("certs-dev/cn-liaison.crt.pem"), Receipts.REQUIRED);
        ProtectedMessage message = message(registeredOtherwise);
        ReceiptFormat format = registeredOtherwise.format().receipt().orElseThrow();
        byte[] signedByRuLiaison = PartnerSide.receipt(
                        format, new ReceiptFormat.Claims("x", "digest", Instant.now()), "ru-liaison")
                .body();

        assertThatThrownBy(() -> receipts.verify(new SentMessage(message, 200, signedByRuLiaison, "text/xml")))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e)
                        .hasMessageContaining("not with the certificate RU-LIAISON's file registers")
                        .extracting(GatewayException::code)
                        .isEqualTo(ErrorCode.RECEIPT_INVALID));
    }

    /** A receipt for something else than what was sent is refused. */
    @Test
    void refusesAReceiptNamingAnotherDigestThanWhatWasSent() {
        RU_LIAISON.receipts(Receipt.MISMATCHED);

        UUID id = submit(Samples.borderIncidentFromBorderPolice(), "mn-border");

        awaitState(id, "RU-LIAISON", "DEAD_LETTER");
        assertRefusedEveryAttempt(id, "but what was sent has");
    }

    /** With {@code receipts: optional} a plain answer counts, but a forged receipt still does not. */
    @Test
    void acceptsNoReceiptFromARecipientWhoseReceiptsAreOptionalButNeverAForgedOne() {
        Recipient ruLiaison =
                partners.current().find("RU-LIAISON").orElseThrow().recipient();
        ProtectedMessage message = message(ruLiaison(ruLiaison.certificate(), Receipts.OPTIONAL));
        byte[] plain = "<ok/>".getBytes(StandardCharsets.UTF_8);
        byte[] foreign = LiaisonSoap.RECEIPT
                .answer(
                        "<Receipt xmlns=\"urn:borderlink:partner:liaison:service:1\"><MessageId>x</MessageId></Receipt>"
                                .getBytes(StandardCharsets.UTF_8),
                        new ReceiptFormat.Claims("x", "d", Instant.now()))
                .body();

        assertThat(receipts.verify(new SentMessage(message, 200, plain, "text/xml"))
                        .receipt())
                .isNull();
        assertThatThrownBy(() -> receipts.verify(new SentMessage(message, 200, foreign, "text/xml")))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RECEIPT_INVALID));
    }

    /** RU-LIAISON as a recipient, registered with this certificate and asking receipts as said. */
    private Recipient ruLiaison(Path certificate, Receipts asked) {
        Recipient ruLiaison =
                partners.current().find("RU-LIAISON").orElseThrow().recipient();
        return new Recipient(
                ruLiaison.id(),
                ruLiaison.direction(),
                ruLiaison.format(),
                ruLiaison.endpoint(),
                certificate,
                ruLiaison.trustAnchor(),
                ruLiaison.keyTransport(),
                ruLiaison.delivery(),
                asked);
    }

    /** A liaison message as sent to the recipient, for its receipt to be checked against. */
    private static ProtectedMessage message(Recipient recipient) {
        return new ProtectedMessage(
                new ShareDelivery(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        recipient,
                        Certificates.readCertificate(recipient.certificate()),
                        1,
                        null,
                        "digest"),
                "<LiaisonMessage xmlns=\"urn:borderlink:partner:liaison:1\"/>".getBytes(StandardCharsets.UTF_8),
                "digest",
                new byte[0],
                "digest",
                "digest");
    }

    private UUID submit(byte[] sample, String agency) {
        Exchange exchange = fresh(sample);
        assertThat(agency(agency).submit(protect(exchange, agency)).statusCode())
                .isEqualTo(202);
        return exchange.header().exchangeId();
    }

    private void awaitState(UUID exchangeId, String recipient, String state) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                        "SELECT state FROM share WHERE exchange_id = ? AND recipient_id = ?",
                        String.class,
                        exchangeId,
                        recipient))
                .isEqualTo(state));
    }

    private void assertRefusedEveryAttempt(UUID exchangeId, String why) {
        List<Map<String, Object>> attempts = auditOf(exchangeId).stream()
                .filter(e -> "DELIVER".equals(e.get("step")) && "RU-LIAISON".equals(e.get("partner_id")))
                .toList();
        // On a loaded machine an attempt may also time out; the last one is refused for its receipt.
        assertThat(attempts).hasSize(3);
        assertThat(attempts).extracting(e -> e.get("outcome")).containsExactly("RETRY", "RETRY", "FAILED");
        assertThat(attempts.get(2)).containsEntry("code", "RECEIPT_INVALID");
        assertThat(attempts.get(2).get("detail").toString()).contains(why);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM evidence WHERE exchange_id = ? AND kind = 'PARTNER_RECEIPT'",
                        Integer.class,
                        exchangeId))
                .isZero();
    }

    private String partnerReceipt(UUID exchangeId, String recipient) {
        byte[] receipt = evidence.find(exchangeId, EvidenceKind.PARTNER_RECEIPT, recipient)
                .orElseThrow(() -> new AssertionError("no PARTNER_RECEIPT kept for " + recipient));
        return new String(receipt, StandardCharsets.UTF_8);
    }

    private String deliverDetail(UUID exchangeId, String recipient) {
        return auditOf(exchangeId).stream()
                .filter(e -> "DELIVER".equals(e.get("step")) && recipient.equals(e.get("partner_id")))
                .map(e -> e.get("detail").toString())
                .findFirst()
                .orElseThrow();
    }
}
