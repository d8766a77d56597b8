package io.borderlink.tools;

import io.borderlink.adapters.liaison.LiaisonSoap;
import io.borderlink.adapters.wco.WcoInboundController;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.SigningKey;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.DevTls;
import io.borderlink.testkit.PartnerDocuments;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.w3c.dom.Document;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code partner-send}: play a partner that pushes to us. Re-stamps a liaison or enforcement
 * message, signs it with the partner's key, encrypts its content to the gateway (to its EC key, with
 * ECDH-ES, when the partner's key is elliptic-curve) and delivers it over
 * mutual TLS: a liaison message as SOAP to /services/liaison, an enforcement message as a POST to
 * /partners/v1/enforcement-messages. Prints the gateway's answer.
 */
@Command(
        name = "partner-send",
        mixinStandardHelpOptions = true,
        description = "Play a partner: sign, encrypt and deliver a liaison or enforcement message to the gateway.")
class PartnerSendCommand implements Callable<Integer> {

    @Option(
            names = "--in",
            required = true,
            description = "plaintext partner message, e.g. contracts/src/main/resources/samples/partners/"
                    + "vehicle-alert-from-ru-liaison.xml")
    Path in;

    @Option(
            names = "--partner",
            defaultValue = "ru-liaison",
            description = "certs-dev identity to sign and connect with (default: ${DEFAULT-VALUE})")
    String partner;

    @Option(
            names = "--header",
            description = "a header field to set, NAME=VALUE, repeatable; e.g. From=KR-LIAISON and"
                    + " MessageType=BORDER_INCIDENT to send the Russian sample as the Korean office")
    Map<String, String> header = new HashMap<>();

    @Option(
            names = "--gateway",
            defaultValue = "https://localhost:8443",
            description = "the gateway's base URL (default: ${DEFAULT-VALUE})")
    URI gateway;

    @Override
    public Integer call() throws Exception {
        SigningKey key = DevPki.key(partner);
        Document message = SecureXml.parse(Files.readAllBytes(in));
        Map<String, String> fields =
                new HashMap<>(Map.of("Created", Instant.now().toString()));
        fields.putAll(header);
        UUID messageId = PartnerDocuments.stamp(message, fields);
        boolean liaison = PartnerDocuments.isLiaison(message);
        byte[] protectedMessage =
                new PartnerDocuments(new XmlCrypto()).protect(message, key, DevPki.gatewayEncryptionFor(key));
        HttpRequest.Builder request = liaison
                ? HttpRequest.newBuilder(gateway.resolve("/services/liaison"))
                        .header("Content-Type", LiaisonSoap.CONTENT_TYPE)
                        .header("SOAPAction", "\"" + LiaisonSoap.SOAP_ACTION + "\"")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(LiaisonSoap.envelope(protectedMessage)))
                : HttpRequest.newBuilder(gateway.resolve(WcoInboundController.PATH))
                        .header("Content-Type", "application/xml")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(protectedMessage));
        HttpResponse<String> answer = DevTls.client(partner)
                .send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("MessageId " + messageId + " → HTTP " + answer.statusCode());
        System.out.println(answer.body());
        return answer.statusCode() < 300 ? 0 : 1;
    }
}
