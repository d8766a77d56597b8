package io.borderlink.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderlink.adapters.liaison.LiaisonSoap;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.Digests;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.testkit.StubServer.Outage;
import io.borderlink.testkit.StubServer.Role;
import io.borderlink.testkit.StubServer.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The gateway (its certs-dev TLS and signing keys) delivering liaison messages to the RU-LIAISON stub. */
class StubServerTest {

    private static final PartnerDocuments PROTECTION = new PartnerDocuments(new XmlCrypto());

    private final List<StubServer> stubs = new ArrayList<>();
    /** The gateway's TLS client: its own key, and RU-LIAISON's root, as the partner's file names it. */
    private final HttpClient gateway = DevTls.client(DevTls.as("gateway", "ru-liaison-root"));

    @AfterEach
    void stopStubs() {
        stubs.forEach(StubServer::close);
    }

    @Test
    void opensADeliveryAsThePartnerWouldAndAnswersDeliverResponse() throws Exception {
        List<String> log = new ArrayList<>();
        StubServer partner = ruLiaison(Settings.defaults().log(log::add));
        UUID messageId = UUID.randomUUID();

        HttpResponse<String> answer = deliver(partner, liaisonMessage(messageId, "ru-liaison"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<DeliverResponse").contains("<MessageId>" + messageId + "</MessageId>");
        assertThat(partner.received()).containsExactly(messageId.toString());
        assertThat(partner.arrivals().firstArrival(messageId)).isNotNull();
        assertThat(log.get(0)).contains("signed by").contains("signature valid");
        assertThat(log.get(1)).contains("<Content>");
    }

    /** KR-LIAISON's PKI is EC: its stub serves TLS with its EC key and opens an agreed key with it. */
    @Test
    void opensADeliveryToAnEcPartnerWithItsEcKey() throws Exception {
        List<String> log = new ArrayList<>();
        StubServer partner = StubServer.start(
                Role.LIAISON_PARTNER, "kr-liaison", Settings.defaults().log(log::add));
        stubs.add(partner);
        UUID messageId = UUID.randomUUID();
        byte[] message = liaisonMessage(messageId, "gateway-ec", "kr-liaison");

        HttpResponse<String> answer = DevTls.client(DevTls.as("gateway", "kr-liaison-root"))
                .send(request(partner, message), HttpResponse.BodyHandlers.ofString());

        assertThat(new String(message, StandardCharsets.UTF_8)).contains("xmlenc11#ECDH-ES");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(partner.received()).containsExactly(messageId.toString());
        assertThat(log.get(0)).contains("signed by CN=borderlink-gateway-ec").contains("signature valid");
    }

    @Test
    void refusesADeliveryItCannotDecryptAndCountsItUnreadable() throws Exception {
        StubServer partner = ruLiaison(Settings.defaults());

        HttpResponse<String> answer = deliver(partner, liaisonMessage(UUID.randomUUID(), "cn-liaison"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("DECRYPTION_FAILED");
        assertThat(partner.received()).isEmpty();
        assertThat(partner.arrivals().unreadable()).isEqualTo(1);
    }

    /** The DeliverResponse carries a Receipt signed with the office's key over the id and what it received. */
    @Test
    void answersWithAReceiptSignedByThePartnerNamingTheMessageAndItsDigest() throws Exception {
        StubServer partner = ruLiaison(Settings.defaults());
        UUID messageId = UUID.randomUUID();
        byte[] message = liaisonMessage(messageId, "ru-liaison");

        HttpResponse<String> answer = deliver(partner, message);

        Document receipt = SecureXml.parse(LiaisonSoap.RECEIPT
                .find(answer.body().getBytes(StandardCharsets.UTF_8))
                .orElseThrow());
        assertThat(new XmlCrypto().verify(receipt)).isEqualTo(DevPki.certificate("ru-liaison"));
        assertThat(LiaisonSoap.RECEIPT.claims(receipt).messageId()).isEqualTo(messageId.toString());
        assertThat(LiaisonSoap.RECEIPT.claims(receipt).receivedDigest()).isEqualTo(Digests.ofMessage(message));
    }

    @Test
    void readsOnlyTheClearHeaderWhenItDoesNotOpenDeliveries() throws Exception {
        StubServer partner = ruLiaison(Settings.defaults().headersOnly());
        UUID messageId = UUID.randomUUID();

        HttpResponse<String> answer = deliver(partner, liaisonMessage(messageId, "cn-liaison"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(partner.received()).containsExactly(messageId.toString());
    }

    @Test
    void answers503DuringAnOutageAndTakesDeliveriesAgainAfterIt() throws Exception {
        StubServer partner = ruLiaison(Settings.defaults());
        UUID messageId = UUID.randomUUID();
        byte[] message = liaisonMessage(messageId, "ru-liaison");

        partner.outage(Outage.REFUSE);
        HttpResponse<String> refused = deliver(partner, message);
        partner.outage(Outage.NONE);
        HttpResponse<String> taken = deliver(partner, message);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(taken.statusCode()).isEqualTo(200);
        assertThat(partner.received()).containsExactly(messageId.toString());
        assertThat(partner.arrivals().requests()).isEqualTo(2);
    }

    @Test
    void marksACopyThatArrivesWhileTheFirstIsStillBeingAnswered() throws Exception {
        StubServer partner = ruLiaison(Settings.defaults().answerAfter(Duration.ofSeconds(2)));
        UUID messageId = UUID.randomUUID();
        byte[] message = liaisonMessage(messageId, "ru-liaison");

        CompletableFuture<HttpResponse<String>> first = deliverAsync(partner, message);
        CompletableFuture<HttpResponse<String>> second = deliverAsync(partner, message);

        assertThat(List.of(first.get().statusCode(), second.get().statusCode())).containsOnly(200);
        assertThat(partner.received()).containsExactlyInAnyOrder(messageId.toString(), messageId + " OVERLAP");
        assertThat(partner.arrivals().duplicateCopies()).isEqualTo(1);
        assertThat(partner.arrivals().exchangesWithSeveralDeliveries()).isZero();
    }

    @Test
    void refusesAClientWithoutACertificate() {
        StubServer partner = ruLiaison(Settings.defaults());

        assertThatThrownBy(() -> DevTls.client(DevTls.anonymous("ru-liaison-root"))
                        .send(
                                request(partner, liaisonMessage(UUID.randomUUID(), "ru-liaison")),
                                HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    private StubServer ruLiaison(Settings settings) {
        StubServer stub = StubServer.start(Role.LIAISON_PARTNER, "ru-liaison", settings);
        stubs.add(stub);
        return stub;
    }

    /** A liaison message as the gateway sends it: signed with its key, Content encrypted to {@code recipient}. */
    private static byte[] liaisonMessage(UUID messageId, String recipient) {
        return liaisonMessage(messageId, "gateway", recipient);
    }

    private static byte[] liaisonMessage(UUID messageId, String signer, String recipient) {
        Document message = SecureXml.parse(Samples.vehicleAlertFromRuLiaison());
        PartnerDocuments.stamp(
                message, Map.of("MessageId", messageId.toString(), "CorrelationId", messageId.toString()));
        return PROTECTION.protect(message, DevPki.key(signer), DevPki.certificate(recipient));
    }

    private HttpResponse<String> deliver(StubServer stub, byte[] message) throws Exception {
        return gateway.send(request(stub, message), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> deliverAsync(StubServer stub, byte[] message) {
        return gateway.sendAsync(request(stub, message), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(StubServer stub, byte[] message) {
        return HttpRequest.newBuilder(URI.create(stub.endpoint()))
                .header("Content-Type", LiaisonSoap.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(LiaisonSoap.envelope(message)))
                .timeout(Duration.ofSeconds(30))
                .build();
    }
}
