package io.borderlink.gateway.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.exchange.Body;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.gateway.exchange.EvidenceStore;
import io.borderlink.gateway.receipt.GatewayReceipts;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.PartnerSide;
import io.borderlink.testkit.PartnerSide.Opened;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Interoperability with another implementation of the message-protection profile (contracts/PROFILE.md,
 * section 5): the {@code xmlsec1} command of the C XML Security Library signs and encrypts what an agency
 * submits, and decrypts and verifies what the gateway sends to CN-LIAISON, whose stack is xmlsec1. The
 * templates xmlsec1 fills in are golden inputs in {@code src/test/resources/interop/}.
 *
 * <p>With elliptic-curve keys (contracts/PROFILE.md, "Elliptic-curve keys") the tests cover ECDSA both ways:
 * xmlsec1 signs as MN-INTEL with ECDSA-SHA256, and verifies the gateway's ECDSA signature on what KR-LIAISON
 * is sent. Key agreement (ECDH-ES) is not tested with xmlsec1: the 1.2 line (Debian's 1.2.37) has no
 * ECDH-ES or ConcatKDF (they came with 1.3), so xmlsec1 encrypts with RSA-OAEP to the gateway here, and
 * what the gateway agreed with KR-LIAISON's key is decrypted by the test kit before xmlsec1 verifies it.
 *
 * <p>Without xmlsec1 the tests are skipped, unless {@code -Dborderlink.interop.required=true} (set by
 * {@code .ci/run}), which makes them fail instead.
 */
@ExtendWith(XmlSec1Installed.class)
class XmlSec1InteropIT extends GatewayTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final String BODY = ExchangeXml.NAMESPACE + ":Body";

    @TempDir
    Path work;

    private XmlSec1 xmlsec1;

    @Autowired
    private EvidenceStore evidence;

    @BeforeEach
    void xmlsec1WorksInTheTemporaryDirectory() {
        xmlsec1 = new XmlSec1(work);
    }

    /** xmlsec1 signs as MN-BORDER and encrypts the Body to the gateway → 202, and RU-LIAISON's share is delivered. */
    @Test
    void acceptsAnExchangeSignedAndEncryptedByXmlsec1() throws Exception {
        Exchange alert = fresh(Samples.vehicleAlertFromBorderPolice());
        byte[] document = protectWithXmlsec1(alert, "encryption-template.xml");
        assertThat(new String(document, StandardCharsets.UTF_8))
                .doesNotContain(alert.body().narrative().text());

        HttpResponse<String> receipt = agency("mn-border").submit(document);

        assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(202);
        UUID id = alert.header().exchangeId();
        assertThat(JSON.readTree(receipt.body()).get("exchangeId").asText()).isEqualTo(id.toString());
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(shareStates(id)).containsEntry("RU-LIAISON", "DELIVERED"));
    }

    /**
     * xmlsec1 signs and encrypts the border incident with its tearline for RU-LIAISON → 202: the tearline is
     * in the signed original the gateway keeps, under the agency's signature, and the share is delivered.
     */
    @Test
    void acceptsATearlineSampleSignedAndEncryptedByXmlsec1() throws Exception {
        Exchange incident = fresh(Samples.borderIncidentFromBorderPolice());
        assertThat(incident.body().tearlines()).isNotEmpty();
        byte[] document = protectWithXmlsec1(incident, "encryption-template.xml");
        assertThat(new String(document, StandardCharsets.UTF_8)).doesNotContain("Tearline");

        HttpResponse<String> receipt = agency("mn-border").submit(document);

        assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(202);
        UUID id = incident.header().exchangeId();
        assertThat(evidence.signedOriginal(id).body().tearlines())
                .isEqualTo(incident.body().tearlines());
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(shareStates(id)).containsEntry("RU-LIAISON", "DELIVERED"));
    }

    /**
     * The gateway delivers to CN-LIAISON → xmlsec1 decrypts it with CN-LIAISON's key and verifies the
     * gateway's signature up to the national root; the narrative is there, source details and notes are not.
     */
    @Test
    void whatTheGatewaySendsDecryptsAndVerifiesWithXmlsec1() throws Exception {
        Exchange alert = withSourceDetailsAndInternalNotes(fresh(Samples.vehicleAlertFromBorderPolice()));
        String narrative = alert.body().narrative().text();
        HttpResponse<String> receipt = agency("mn-border").submit(protect(alert, "mn-border"));
        assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(202);
        UUID correlationId = alert.header().correlationId();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !CN_LIAISON.receivedFor(correlationId).isEmpty());
        byte[] request = CN_LIAISON.receivedFor(correlationId).get(0).getBody();
        Path message = write("message.xml", SecureXml.serialize(PartnerSide.message(request)));
        assertThat(Files.readString(message)).doesNotContain(narrative);
        Path decrypted = work.resolve("decrypted.xml");

        xmlsec1.decrypt(
                message,
                DevPki.ROOT.resolve("cn-liaison.key.pem"),
                DevPki.ROOT.resolve("cn-liaison.crt.pem"),
                decrypted);
        String verification = xmlsec1.verify(
                decrypted,
                DevPki.ROOT.resolve("ca/national-root.crt.pem"),
                DevPki.ROOT.resolve("ca/gateway-ca.crt.pem"));

        assertThat(verification.lines()).contains("OK", "SignedInfo References (ok/all): 1/1");
        Document plain = SecureXml.parse(Files.readAllBytes(decrypted));
        String signer =
                plain.getElementsByTagNameNS(DSIG, "X509Certificate").item(0).getTextContent();
        assertThat(Base64.getMimeDecoder().decode(signer))
                .isEqualTo(DevPki.certificate("gateway").getEncoded());
        Body withheld = alert.body();
        assertThat(plain.getDocumentElement().getTextContent())
                .contains(narrative)
                .doesNotContain(withheld.sourceDetails().description())
                .doesNotContain(withheld.sourceDetails().name())
                .doesNotContain(withheld.sourceDetails().sourceCode())
                .doesNotContain(withheld.internalNotes());
    }

    /** The gateway's signed AcceptanceReceipt, taken out of the SOAP answer, verifies with xmlsec1. */
    @Test
    void theAcceptanceReceiptOfASoapSubmissionVerifiesWithXmlsec1() throws Exception {
        Exchange alert = fresh(Samples.vehicleAlertFromBorderPolice());

        String receipt = soapReceiptVerifiedByXmlsec1("mn-border", alert);

        assertThat(receipt)
                .contains("xmldsig-more#rsa-sha256")
                .contains(alert.header().exchangeId().toString());
    }

    /** MN-INTEL's certificate is EC: its acceptance receipt is the gateway's ECDSA signature, which xmlsec1 verifies. */
    @Test
    void theAcceptanceReceiptOfAnEcAgencyIsAnEcdsaSignatureThatVerifiesWithXmlsec1() throws Exception {
        Exchange incident = forKorea(fresh(Samples.borderIncidentFromBorderPolice()), "MN-INTEL");

        String receipt = soapReceiptVerifiedByXmlsec1("mn-intel", incident);

        assertThat(receipt)
                .contains("xmldsig-more#ecdsa-sha256")
                .doesNotContain("rsa-sha256")
                .contains(incident.header().exchangeId().toString());
    }

    /** Submits over SOAP, takes the AcceptanceReceipt out of the answer, and has xmlsec1 verify it alone. */
    private String soapReceiptVerifiedByXmlsec1(String agency, Exchange exchange) throws Exception {
        HttpResponse<String> answer = agency(agency).submitOverSoap(protect(exchange, agency));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Element receipt = (Element) SecureXml.parse(answer.body().getBytes(StandardCharsets.UTF_8))
                .getElementsByTagNameNS(GatewayReceipts.NAMESPACE, "AcceptanceReceipt")
                .item(0);
        Document alone = SecureXml.newDocument();
        alone.appendChild(alone.importNode(receipt, true));
        byte[] serialized = SecureXml.serialize(alone);
        Path file = write("receipt-" + agency + ".xml", serialized);

        String verification = xmlsec1.verify(
                file, DevPki.ROOT.resolve("ca/national-root.crt.pem"), DevPki.ROOT.resolve("ca/gateway-ca.crt.pem"));

        assertThat(verification.lines()).contains("OK", "SignedInfo References (ok/all): 1/1");
        return new String(serialized, StandardCharsets.UTF_8);
    }

    /**
     * xmlsec1 signs as MN-INTEL with its EC key (ECDSA-SHA256) and transports the Body's key to the gateway
     * with RSA-OAEP → 202, and KR-LIAISON's share is delivered.
     */
    @Test
    void acceptsAnExchangeSignedWithEcdsaByXmlsec1() throws Exception {
        Exchange incident = forKorea(fresh(Samples.borderIncidentFromBorderPolice()), "MN-INTEL");
        byte[] document =
                protectWithXmlsec1(incident, "mn-intel", "signature-template-ecdsa.xml", "encryption-template.xml");
        assertThat(new String(document, StandardCharsets.UTF_8)).contains("xmldsig-more#ecdsa-sha256");

        HttpResponse<String> receipt = agency("mn-intel").submit(document);

        assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(202);
        UUID id = incident.header().exchangeId();
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(shareStates(id, "mn-intel")).containsEntry("KR-LIAISON", "DELIVERED"));
    }

    /**
     * The gateway delivers to KR-LIAISON, whose key is EC → opened with KR-LIAISON's key (ECDH-ES, which
     * xmlsec1 1.2 cannot do), xmlsec1 verifies the gateway's ECDSA signature up to the national root.
     */
    @Test
    void theGatewaysEcdsaSignatureForAnEcPartnerVerifiesWithXmlsec1() throws Exception {
        Exchange incident = forKorea(fresh(Samples.borderIncidentFromBorderPolice()), "MN-BORDER");
        HttpResponse<String> receipt = agency("mn-border").submit(protect(incident, "mn-border"));
        assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(202);
        UUID correlationId = incident.header().correlationId();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !KR_LIAISON.receivedFor(correlationId).isEmpty());
        Opened opened =
                PartnerSide.open(KR_LIAISON.receivedFor(correlationId).get(0).getBody(), "kr-liaison");
        Path decrypted = write("decrypted.xml", SecureXml.serialize(opened.message()));

        String verification = xmlsec1.verify(
                decrypted,
                DevPki.ROOT.resolve("ca/national-root.crt.pem"),
                DevPki.ROOT.resolve("ca/gateway-ca.crt.pem"));

        assertThat(verification.lines()).contains("OK", "SignedInfo References (ok/all): 1/1");
        assertThat(Files.readString(decrypted)).contains("xmldsig-more#ecdsa-sha256");
        String signer = opened.message()
                .getElementsByTagNameNS(DSIG, "X509Certificate")
                .item(0)
                .getTextContent();
        assertThat(Base64.getMimeDecoder().decode(signer))
                .isEqualTo(DevPki.certificate("gateway-ec").getEncoded());
    }

    /** xmlsec1 encrypts the Body with AES-256-CBC → 400 ALGORITHM_NOT_ALLOWED, and no partner receives it. */
    @Test
    void refusesAnXmlsec1DocumentEncryptedWithAesCbc() throws Exception {
        assertRefusedForItsAlgorithm(
                "encryption-template-aes256-cbc.xml", "http://www.w3.org/2001/04/xmlenc#aes256-cbc");
    }

    /** xmlsec1 transports the Body's key with RSA PKCS#1 v1.5 → 400 ALGORITHM_NOT_ALLOWED, and no partner receives it. */
    @Test
    void refusesAnXmlsec1DocumentWithRsa15KeyTransport() throws Exception {
        assertRefusedForItsAlgorithm("encryption-template-rsa-1_5.xml", "http://www.w3.org/2001/04/xmlenc#rsa-1_5");
    }

    private void assertRefusedForItsAlgorithm(String encryptionTemplate, String algorithm) throws Exception {
        Exchange alert = fresh(Samples.vehicleAlertFromBorderPolice());
        byte[] document = protectWithXmlsec1(alert, encryptionTemplate);
        assertThat(new String(document, StandardCharsets.UTF_8)).contains("Algorithm=\"" + algorithm + "\"");

        HttpResponse<String> response = agency("mn-border").submit(document);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asText()).isEqualTo("ALGORITHM_NOT_ALLOWED");
        assertThat(problem.get("detail").asText()).contains(algorithm);
        UUID id = alert.header().exchangeId();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM exchange WHERE id = ?", Integer.class, id))
                .isZero();
        assertThat(RU_LIAISON.receivedFor(alert.header().correlationId())).isEmpty();
        assertThat(CN_LIAISON.receivedFor(alert.header().correlationId())).isEmpty();
    }

    /**
     * What an agency whose stack is xmlsec1 submits: the exchange with the signature template appended as
     * the last child of its root, signed by MN-BORDER, then its Body encrypted to the gateway following
     * the given EncryptedData template.
     */
    private byte[] protectWithXmlsec1(Exchange exchange, String encryptionTemplate) throws IOException {
        return protectWithXmlsec1(exchange, "mn-border", "signature-template.xml", encryptionTemplate);
    }

    private byte[] protectWithXmlsec1(
            Exchange exchange, String signer, String signatureTemplate, String encryptionTemplate) throws IOException {
        Document document = SecureXml.parse(ExchangeXml.write(exchange));
        Document signature = SecureXml.parse(golden(signatureTemplate));
        document.getDocumentElement().appendChild(document.importNode(signature.getDocumentElement(), true));
        Path template = write("template.xml", SecureXml.serialize(document));
        Path signed = work.resolve("signed.xml");
        Path protectedDocument = work.resolve("protected.xml");

        xmlsec1.sign(
                template, DevPki.ROOT.resolve(signer + ".key.pem"), DevPki.ROOT.resolve(signer + ".crt.pem"), signed);
        xmlsec1.encrypt(
                signed,
                BODY,
                write(encryptionTemplate, golden(encryptionTemplate)),
                DevPki.ROOT.resolve("gateway-enc.crt.pem"),
                protectedDocument);

        return Files.readAllBytes(protectedDocument);
    }

    /** The exchange with the border incident sample's source details and internal notes, neither of which may leave. */
    private static Exchange withSourceDetailsAndInternalNotes(Exchange exchange) {
        Body incident = ExchangeXml.read(SecureXml.parse(Samples.borderIncidentFromBorderPolice()))
                .body();
        Body body = exchange.body();
        return exchange.withBody(new Body(
                body.subjects(),
                body.associations(),
                body.narrative(),
                incident.sourceDetails(),
                incident.internalNotes()));
    }

    /** Partner id → share state, as the originating agency sees them. */
    private Map<String, String> shareStates(UUID exchangeId) throws IOException {
        return shareStates(exchangeId, "mn-border");
    }

    private Map<String, String> shareStates(UUID exchangeId, String originator) throws IOException {
        JsonNode status = JSON.readTree(agency(originator).status(exchangeId).body());
        Map<String, String> states = new HashMap<>();
        for (JsonNode share : status.path("shares")) {
            states.put(share.path("partner").asText(), share.path("state").asText());
        }
        return states;
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(work.resolve(name), content);
    }

    private static byte[] golden(String name) throws IOException {
        try (InputStream in = XmlSec1InteropIT.class.getResourceAsStream("/interop/" + name)) {
            if (in == null) {
                throw new IllegalStateException("golden input not on the classpath: /interop/" + name);
            }
            return in.readAllBytes();
        }
    }
}
