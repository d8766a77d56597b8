package io.borderlink.gateway.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.CertifiedJws;
import io.borderlink.crypto.JoseCrypto;
import io.borderlink.crypto.KeyTransport;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.testkit.AgencyDocuments;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.PartnerSide;
import io.borderlink.testkit.PartnerSide.Opened;
import io.borderlink.testkit.PartnerSide.Sent;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Elliptic-curve keys end to end: MN-INTEL and KR-LIAISON have EC-only PKIs (P-256). What they send is
 * signed with ECDSA and its content key agreed with the gateway's EC encryption key (ECDH-ES, ConcatKDF,
 * AES-256 key wrap); what they are sent is signed with the gateway's EC key and its content key agreed with
 * theirs. Each side opens what it gets with its own EC key only.
 */
class EllipticCurveFlowIT extends GatewayTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ECDH_ES = "http://www.w3.org/2009/xmlenc11#ECDH-ES";
    private static final String ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
    private static final String RSA = "rsa-";

    /** MN-INTEL → KR-LIAISON: accepted (202), delivered, and opened by the partner's EC key under the gateway's EC signature. */
    @Test
    void deliversAnExchangeFromAnEcAgencyToAnEcPartner() throws Exception {
        Exchange incident = forKorea(fresh(Samples.borderIncidentFromBorderPolice()), "MN-INTEL");
        byte[] submitted = protect(incident, "mn-intel");
        assertThat(new String(submitted, StandardCharsets.UTF_8))
                .contains(ECDH_ES, ECDSA_SHA256)
                .doesNotContain(RSA);

        HttpResponse<String> receipt = agency("mn-intel").submit(submitted);

        assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(202);
        CertifiedJws.Verified signedReceipt = new CertifiedJws(new JoseCrypto())
                .verify(JSON.readTree(receipt.body()).get("receipt").asText());
        assertThat(signedReceipt.signer()).isEqualTo(DevPki.certificate("gateway-ec"));
        assertThat(JSON.readTree(signedReceipt.payload()).get("exchangeId").asText())
                .isEqualTo(incident.header().exchangeId().toString());
        UUID correlationId = incident.header().correlationId();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !KR_LIAISON.receivedFor(correlationId).isEmpty());
        byte[] request = KR_LIAISON.receivedFor(correlationId).get(0).getBody();
        assertThat(new String(request, StandardCharsets.UTF_8))
                .contains(ECDH_ES, ECDSA_SHA256)
                .doesNotContain(RSA);
        Opened opened = PartnerSide.open(request, "kr-liaison");
        assertThat(opened.signer()).isEqualTo(DevPki.certificate("gateway-ec"));
        assertThat(SecureXml.serialize(opened.message()))
                .asString(StandardCharsets.UTF_8)
                .contains("<Originator>MN-INTEL</Originator>")
                .contains(incident.body().narrative().text());
        assertThat(RU_LIAISON.receivedFor(correlationId)).isEmpty();
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(shareState(incident.header().exchangeId(), "KR-LIAISON"))
                        .isEqualTo("DELIVERED"));
    }

    /** KR-LIAISON → MN-INTEL: accepted, and delivered to the agency under the gateway's EC signature. */
    @Test
    void deliversAMessageFromAnEcPartnerToAnEcAgency() {
        Sent message = PartnerSide.send(
                "kr-liaison",
                Samples.vehicleAlertFromRuLiaison(),
                Map.of("Created", Instant.now().toString(), "From", "KR-LIAISON", "MessageType", "BORDER_INCIDENT"));
        assertThat(new String(message.bytes(), StandardCharsets.UTF_8))
                .contains(ECDH_ES, ECDSA_SHA256)
                .doesNotContain(RSA);

        HttpResponse<String> answer = agency("kr-liaison").deliverLiaison(message.bytes());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("<Status>ACCEPTED</Status>");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !MN_INTEL.receivedFor(message.messageId()).isEmpty());
        byte[] request = MN_INTEL.receivedFor(message.messageId()).get(0).getBody();
        assertThat(new String(request, StandardCharsets.UTF_8))
                .contains(ECDH_ES)
                .doesNotContain(RSA);
        Opened opened = PartnerSide.openExchange(request, "mn-intel");
        assertThat(opened.signer()).isEqualTo(DevPki.certificate("gateway-ec"));
        Exchange delivered = ExchangeXml.read(opened.message());
        assertThat(delivered.header().originator()).isEqualTo("KR-LIAISON");
        assertThat(delivered.header().category()).isEqualTo(Category.BORDER_INCIDENT);
    }

    /** An RSA agency's exchange for the EC partner: the partner still gets the gateway's EC signature and an agreed key. */
    @Test
    void signsWithTheEcKeyForAnEcPartnerWhoeverSubmitted() {
        Exchange incident = forKorea(fresh(Samples.borderIncidentFromBorderPolice()), "MN-BORDER");

        assertThat(agency("mn-border").submit(protect(incident, "mn-border")).statusCode())
                .isEqualTo(202);

        UUID correlationId = incident.header().correlationId();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !KR_LIAISON.receivedFor(correlationId).isEmpty());
        Opened opened =
                PartnerSide.open(KR_LIAISON.receivedFor(correlationId).get(0).getBody(), "kr-liaison");
        assertThat(opened.signer()).isEqualTo(DevPki.certificate("gateway-ec"));
    }

    /**
     * MN-INTEL agrees the Body's key with another EC key than the gateway's → 400 DECRYPTION_FAILED, the
     * same answer as any other decryption failure, and nothing stored.
     */
    @Test
    void refusesAnExchangeWhoseKeyWasAgreedWithAnotherEcKey() throws Exception {
        Exchange incident = forKorea(fresh(Samples.borderIncidentFromBorderPolice()), "MN-INTEL");
        byte[] document = new AgencyDocuments(new XmlCrypto())
                .protect(incident, DevPki.key("mn-intel"), DevPki.certificate("kr-liaison"), KeyTransport.RSA_OAEP);

        HttpResponse<String> response = agency("mn-intel").submit(document);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asText()).isEqualTo("DECRYPTION_FAILED");
        assertThat(problem.get("detail").asText()).isEqualTo("decryption failed");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM exchange WHERE id = ?",
                        Integer.class,
                        incident.header().exchangeId()))
                .isZero();
        assertThat(KR_LIAISON.receivedFor(incident.header().correlationId())).isEmpty();
    }

    private String shareState(UUID exchangeId, String recipient) {
        return jdbc.queryForObject(
                "SELECT state FROM share WHERE exchange_id = ? AND recipient_id = ?",
                String.class,
                exchangeId,
                recipient);
    }
}
