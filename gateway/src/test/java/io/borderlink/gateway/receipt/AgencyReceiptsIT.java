package io.borderlink.gateway.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.ArchivedPaths;
import io.borderlink.crypto.CertifiedJws;
import io.borderlink.crypto.JoseCrypto;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.testkit.DevPki;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The gateway's receipts to agencies: the acceptance answer carries a statement signed by the gateway (a
 * JWS with its certificate chain over REST, an XML-DSig AcceptanceReceipt over SOAP) naming the exchange,
 * the digest of the signed original, the time received and each decision; a repeated submission gets the
 * same statement; once delivered, each share has a signed delivery receipt for its originator only.
 */
class AgencyReceiptsIT extends GatewayTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CertifiedJws JWS = new CertifiedJws(new JoseCrypto());

    /** The REST answer's receipt verifies under the national root and states what the gateway stored. */
    @Test
    void restAcceptanceCarriesAJwsByTheGatewayNamingTheSignedOriginalAndTheDecisions() throws Exception {
        Exchange incident = fresh(Samples.borderIncidentFromBorderPolice());
        UUID id = incident.header().exchangeId();

        HttpResponse<String> answer = agency("mn-border").submit(protect(incident, "mn-border"));

        assertThat(answer.statusCode()).isEqualTo(202);
        JsonNode statement =
                verifiedStatement(JSON.readTree(answer.body()).get("receipt").asText());
        assertThat(statement.get("type").asText()).isEqualTo("borderlink-acceptance-receipt");
        assertThat(statement.get("exchangeId").asText()).isEqualTo(id.toString());
        assertThat(statement.get("signedDigest").asText())
                .isEqualTo(jdbc.queryForObject("SELECT signed_digest FROM exchange WHERE id = ?", String.class, id)
                        .strip());
        assertThat(statement.get("decisions").findValuesAsText("recipient")).contains("RU-LIAISON");
        assertThat(statement.get("decisions").toString())
                .contains("{\"recipient\":\"RU-LIAISON\",\"decision\":\"RELEASE\"}");
    }

    /** Submitting the same exchange again is answered with the same statement, signed again. */
    @Test
    void repeatedSubmissionGetsTheSameStatement() throws Exception {
        Exchange incident = fresh(Samples.borderIncidentFromBorderPolice());
        byte[] protectedIncident = protect(incident, "mn-border");

        JsonNode first =
                JSON.readTree(agency("mn-border").submit(protectedIncident).body());
        JsonNode again =
                JSON.readTree(agency("mn-border").submit(protectedIncident).body());

        assertThat(again.get("duplicate").asBoolean()).isTrue();
        assertThat(verifiedStatement(again.get("receipt").asText()))
                .isEqualTo(verifiedStatement(first.get("receipt").asText()));
    }

    /** Over SOAP the receipt is an AcceptanceReceipt whose enveloped signature verifies on its own. */
    @Test
    void soapAcceptanceCarriesASignedAcceptanceReceipt() {
        Exchange incident = fresh(Samples.borderIncidentFromBorderPolice());

        HttpResponse<String> answer = agency("mn-border").submitOverSoap(protect(incident, "mn-border"));

        assertThat(answer.statusCode()).isEqualTo(200);
        Document receipt = acceptanceReceipt(answer.body());
        assertThat(new XmlCrypto().verify(receipt)).isEqualTo(DevPki.certificate("gateway"));
        assertThat(receipt.getDocumentElement().getTextContent())
                .contains(incident.header().exchangeId().toString());
    }

    /**
     * What an agency checks a receipt against: a REST receipt whose statement was changed, or that was signed
     * by another key than the gateway's, and a SOAP receipt naming another exchange, do not verify.
     */
    @Test
    void aChangedOrForgedAcceptanceReceiptDoesNotVerify() throws Exception {
        Exchange incident = fresh(Samples.borderIncidentFromBorderPolice());
        String receipt = JSON.readTree(agency("mn-border")
                        .submit(protect(incident, "mn-border"))
                        .body())
                .get("receipt")
                .asText();
        String[] parts = receipt.split("\\.");
        String otherStatement = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        ("{\"type\":\"borderlink-acceptance-receipt\",\"exchangeId\":\"" + UUID.randomUUID() + "\"}")
                                .getBytes(StandardCharsets.UTF_8));
        String changed = parts[0] + "." + otherStatement + "." + parts[2];
        String forged = JWS.sign(
                "{\"type\":\"borderlink-acceptance-receipt\"}".getBytes(StandardCharsets.UTF_8),
                DevPki.key("mn-border"));
        Document soap = acceptanceReceipt(agency("mn-border")
                .submitOverSoap(protect(fresh(Samples.borderIncidentFromBorderPolice()), "mn-border"))
                .body());
        soap.getElementsByTagNameNS(GatewayReceipts.NAMESPACE, "ExchangeId")
                .item(0)
                .setTextContent(UUID.randomUUID().toString());

        assertThatThrownBy(() -> verifiedStatement(changed)).isInstanceOf(GatewayException.class);
        assertThat(JWS.verify(forged).signer())
                .as("a receipt by someone else is told apart by its signer")
                .isNotEqualTo(DevPki.certificate("gateway"));
        assertThatThrownBy(() -> new XmlCrypto().verify(soap))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SIGNATURE_INVALID));
    }

    /** After delivery the originator fetches a signed delivery receipt; another agency gets 404. */
    @Test
    void deliveredShareHasASignedDeliveryReceiptForItsOriginatorOnly() throws Exception {
        Exchange incident = fresh(Samples.borderIncidentFromBorderPolice());
        UUID id = incident.header().exchangeId();
        agency("mn-border").submit(protect(incident, "mn-border"));
        String path = "/api/v1/exchanges/" + id + "/receipts/RU-LIAISON";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> agency("mn-border").get(path).statusCode() == 200);

        JsonNode answer = JSON.readTree(agency("mn-border").get(path).body());
        JsonNode statement = verifiedStatement(answer.get("receipt").asText());

        assertThat(statement.get("type").asText()).isEqualTo("borderlink-delivery-receipt");
        assertThat(statement.get("sentDigest").asText()).isEqualTo(digest(id, "SENT"));
        assertThat(statement.get("recipientReceiptDigest").asText()).isEqualTo(digest(id, "PARTNER_RECEIPT"));
        assertThat(agency("mn-customs").get(path).statusCode()).isEqualTo(404);
        assertThat(agency("mn-border")
                        .get("/api/v1/exchanges/" + id + "/receipts/CN-NOBODY")
                        .statusCode())
                .isEqualTo(404);
    }

    /** The statement of a JWS by the gateway whose certificate leads to the national root. */
    static JsonNode verifiedStatement(String jws) throws Exception {
        CertifiedJws.Verified verified = JWS.verify(jws);
        assertThat(verified.signer()).isEqualTo(DevPki.certificate("gateway"));
        ArchivedPaths.validateAt(
                verified.signer(), verified.chain(), List.of(DevPki.ca("national-root")), Instant.now());
        return JSON.readTree(verified.payload());
    }

    static Document acceptanceReceipt(String soapAnswer) {
        Element found = (Element) SecureXml.parse(soapAnswer.getBytes(StandardCharsets.UTF_8))
                .getElementsByTagNameNS(GatewayReceipts.NAMESPACE, "AcceptanceReceipt")
                .item(0);
        assertThat(found).as("an AcceptanceReceipt in " + soapAnswer).isNotNull();
        Document alone = SecureXml.newDocument();
        alone.appendChild(alone.importNode(found, true));
        return SecureXml.parse(SecureXml.serialize(alone));
    }

    private String digest(UUID exchangeId, String kind) {
        return jdbc.queryForObject(
                        "SELECT digest FROM evidence WHERE exchange_id = ? AND kind = ? AND recipient_id = 'RU-LIAISON'",
                        String.class,
                        exchangeId,
                        kind)
                .strip();
    }
}
