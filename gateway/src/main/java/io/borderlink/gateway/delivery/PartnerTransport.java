package io.borderlink.gateway.delivery;

import io.borderlink.adapters.format.HttpEnvelope;
import io.borderlink.adapters.partner.PartnerPost;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.SigningKey;
import io.borderlink.crypto.TlsContexts;
import io.borderlink.gateway.partner.Recipient;
import io.borderlink.gateway.pki.GatewayKeys;
import io.micrometer.core.instrument.MeterRegistry;
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
 * other refusals mean the message itself is unacceptable. A failure says precisely what happened
 * ({@link TransportFailure}) and is counted as {@code borderlink.delivery.failures} by recipient and cause.
 */
@Component("partnerTransport")
public class PartnerTransport {

    /**
     * One HTTP client (and connection pool) per recipient connection; a reload that changes the
     * endpoint's trust anchor or timeout gets a new one.
     */
    private final Map<Connection, PartnerPost> clients = new ConcurrentHashMap<>();

    private final GatewayKeys keys;
    private final MeterRegistry meters;

    PartnerTransport(GatewayKeys keys, MeterRegistry meters) {
        this.keys = keys;
        this.meters = meters;
    }

    public SentMessage send(ProtectedMessage message) {
        Recipient recipient = message.share().recipient();
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
            throw failed(recipient, TransportFailure.of(e, recipient.delivery().timeout()), 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(
                    ErrorCode.PARTNER_UNAVAILABLE, "interrupted while delivering to " + recipient.id(), e);
        }
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return new SentMessage(message, status, answer.body(), answer.contentType());
        }
        throw failed(recipient, TransportFailure.ofStatus(status, answer.body()), status, null);
    }

    private GatewayException failed(Recipient recipient, TransportFailure failure, int status, Exception cause) {
        meters.counter(
                        "borderlink.delivery.failures",
                        "recipient",
                        recipient.id(),
                        "cause",
                        failure.cause().name())
                .increment();
        return new GatewayException(failure.code(status), recipient.id() + ": " + failure.description(), cause);
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
