package io.borderlink.gateway.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.borderlink.adapters.format.Intake;
import io.borderlink.adapters.format.PartnerFormat;
import io.borderlink.adapters.format.ReceiptFormat;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.Digests;
import io.borderlink.crypto.JoseCrypto;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.PartnerSide;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * What a partner played by WireMock answers a delivery with: the signed receipt its format defines, over
 * the message id and the digest of what it received, signed with the partner's certs-dev key, or, for the
 * tests of refusals, a receipt signed by someone else or naming another digest.
 */
public final class SignedReceipts implements ResponseDefinitionTransformerV2 {

    static final String NAME = "signed-receipt";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JoseCrypto JOSE = new JoseCrypto();

    /** The receipt a partner gives. */
    public enum Receipt {
        /** Signed by the partner, naming the message and what it received. */
        SIGNED,
        /** None: the plain answer of a partner that does not sign receipts. */
        NONE,
        /** Signed by another key than the partner's (a certificate outside the partner's root). */
        FORGED,
        /** Signed by the partner, but naming a digest other than that of what it received. */
        MISMATCHED
    }

    private final String partner;
    private final PartnerFormat format;

    SignedReceipts(String partner, PartnerFormat format) {
        this.partner = partner;
        this.format = format;
    }

    boolean signs() {
        return format != null && format.receipt().isPresent();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Receipt receipt = Receipt.valueOf(
                event.getResponseDefinition().getTransformerParameters().getString(NAME));
        byte[] body = event.getRequest().getBody();
        Received received = received(body);
        String digest = receipt == Receipt.MISMATCHED ? Digests.sha256(new byte[] {1}) : received.digest();
        ReceiptFormat.Answer answer = PartnerSide.receipt(
                format.receipt().orElseThrow(),
                new ReceiptFormat.Claims(received.messageId(), digest, Instant.now()),
                receipt == Receipt.FORGED ? "mn-border" : partner);
        return ResponseDefinitionBuilder.like(event.getResponseDefinition())
                .but()
                .withHeaders(new HttpHeaders(new HttpHeader("Content-Type", answer.contentType())))
                .withBody(answer.body())
                .build();
    }

    /** The message id and the digest the partner names what it received by, as its format carries them. */
    private Received received(byte[] body) {
        if (new String(body, 0, 1, StandardCharsets.US_ASCII).equals("<")) {
            Document request = SecureXml.parse(body);
            Node message = format.intake()
                    .map(Intake::root)
                    .map(root -> request.getElementsByTagNameNS(root.getNamespaceURI(), root.getLocalPart())
                            .item(0))
                    .orElse(request.getDocumentElement());
            String messageId = request.getElementsByTagNameNS("*", "MessageId")
                    .item(0)
                    .getTextContent()
                    .strip();
            return new Received(messageId, Digests.sha256OfCanonicalXml(message));
        }
        // A JOSE message names its id only inside: the partner decrypts it with its key to read it.
        String compact = new String(body, StandardCharsets.US_ASCII);
        byte[] signed = JOSE.decrypt(compact, DevPki.key(partner).privateKey());
        byte[] payload = JOSE.verify(new String(signed, StandardCharsets.US_ASCII), DevPki.certificate("gateway"));
        try {
            String messageId =
                    JSON.readTree(payload).path("envelope").path("message_id").asText();
            return new Received(UUID.fromString(messageId).toString(), Digests.ofMessage(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Received(String messageId, String digest) {}
}
