package io.borderlink.gateway.delivery;

import io.borderlink.adapters.format.HttpEnvelope;
import io.borderlink.adapters.format.Protection;
import io.borderlink.adapters.partner.PartnerPost;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.SigningKey;
import io.borderlink.crypto.TlsContexts;
import io.borderlink.gateway.filedrop.DropExports;
import io.borderlink.gateway.partner.Recipient;
import io.borderlink.gateway.pki.GatewayKeys;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The deliver step: sends a protected message to the recipient's endpoint in the HTTP envelope of its
 * format (a SOAP request or a plain POST) over mutual TLS, where the gateway authenticates with its own
 * key and trusts only the recipient's own root CA. Timeouts and server errors mean "try again later";
 * other refusals mean the message itself is unacceptable. A recipient without an online link gets the
 * same protected message as a numbered file in its export folder instead (docs/air-gap.md).
 */
@Component("partnerTransport")
public class PartnerTransport {

    /**
     * One HTTP client (and connection pool) per recipient connection; a reload that changes the
     * endpoint's trust anchor or timeout gets a new one.
     */
    private final Map<Connection, PartnerPost> clients = new ConcurrentHashMap<>();

    private final GatewayKeys keys;
    private final DropExports drops;

    PartnerTransport(GatewayKeys keys, DropExports drops) {
        this.keys = keys;
        this.drops = drops;
    }

    public SentMessage send(ProtectedMessage message) {
        Recipient recipient = message.share().recipient();
        if (recipient.transport().fileDrop()) {
            String extension = recipient.format().protection().kind() == Protection.Kind.JOSE ? "jose" : "xml";
            DropExports.Written file = drops.message(
                    recipient.id(),
                    recipient.transport().export(),
                    message.share().shareId(),
                    message.bytes(),
                    extension);
            return SentMessage.handedOver(message, file.name());
        }
        PartnerPost client =
                clients.computeIfAbsent(Connection.of(recipient), c -> new PartnerPost(httpClient(c, keys.signing())));
        PartnerPost.Answer answer;
        try {
            HttpEnvelope envelope = recipient.format().httpEnvelope();
            answer = client.post(
                    recipient.endpoint(),
                    envelope.wrap(message.bytes()),
                    envelope.contentType(),
                    envelope.headers(),
                    recipient.delivery().timeout());
        } catch (IOException e) {
            throw new GatewayException(
                    ErrorCode.PARTNER_UNAVAILABLE,
                    recipient.id() + " unreachable: " + e.getClass().getSimpleName() + " " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(
                    ErrorCode.PARTNER_UNAVAILABLE, "interrupted while delivering to " + recipient.id(), e);
        }
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return new SentMessage(message, status, answer.body(), answer.contentType());
        }
        throw new GatewayException(ErrorCode.ofPartnerStatus(status), recipient.id() + " answered HTTP " + status);
    }

    private record Connection(String recipientId, Path trustAnchor, Duration timeout) {
        static Connection of(Recipient recipient) {
            return new Connection(
                    recipient.id(),
                    recipient.trustAnchor(),
                    recipient.delivery().timeout());
        }
    }

    private static HttpClient httpClient(Connection connection, SigningKey gateway) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connection.timeout())
                .sslContext(
                        TlsContexts.mutual(gateway, List.of(Certificates.readCertificate(connection.trustAnchor()))))
                .build();
    }
}
