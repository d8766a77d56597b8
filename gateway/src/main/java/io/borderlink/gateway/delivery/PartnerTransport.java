package io.borderlink.gateway.delivery;

import io.borderlink.adapters.format.HttpEnvelope;
import io.borderlink.adapters.format.Protection;
import io.borderlink.adapters.partner.PartnerPost;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.crypto.SigningKey;
import io.borderlink.crypto.TlsContexts;
import io.borderlink.gateway.filedrop.DropExports;
import io.borderlink.gateway.partner.Recipient;
import io.borderlink.gateway.pki.GatewayKeys;
import io.borderlink.gateway.pki.Trust;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The deliver step: sends a protected message to the recipient's endpoint in the HTTP envelope of its
 * format (a SOAP request or a plain POST) over mutual TLS, where the gateway authenticates with its own
 * key and trusts only the recipient's own root CA, and the server's certificate must pass the revocation
 * data in force. Timeouts and server errors mean "try again later"; other refusals, a refused server
 * certificate among them, mean the message cannot go there as things stand.
 * A failure says precisely what happened ({@link TransportFailure}) and is counted as
 * {@code borderlink.delivery.failures} by recipient and cause.
 * A recipient without an online link gets the same protected message as a numbered file in its export folder
 * instead (docs/air-gap.md).
 */
@Component("partnerTransport")
public class PartnerTransport {

    /**
     * One HTTP client (and connection pool) per recipient connection; a reload that changes the
     * endpoint's trust anchor or timeout gets a new one, and so does new revocation data: connections
     * (and TLS sessions) opened before it was loaded are never reused after.
     */
    private final Map<Connection, PartnerPost> clients = new ConcurrentHashMap<>();

    private final GatewayKeys keys;
    private final Trust trust;
    private final MeterRegistry meters;
    private final DropExports drops;

    PartnerTransport(GatewayKeys keys, Trust trust, MeterRegistry meters, DropExports drops) {
        this.keys = keys;
        this.trust = trust;
        this.meters = meters;
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
        Trust.Generation generation = trust.generation();
        clients.keySet().removeIf(connection -> !connection.generation().equals(generation));
        PartnerPost client = clients.computeIfAbsent(
                Connection.of(recipient, generation), c -> new PartnerPost(httpClient(c, keys.signing(), trust)));
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
            refusedServer(e).ifPresent(refused -> {
                count(recipient, TransportFailure.Cause.TLS_HANDSHAKE);
                throw new GatewayException(
                        refused.code(),
                        recipient.id() + "'s TLS server certificate refused: " + refused.getMessage(),
                        e);
            });
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
        count(recipient, failure.cause());
        return new GatewayException(failure.code(status), recipient.id() + ": " + failure.description(), cause);
    }

    private record Connection(String recipientId, Path trustAnchor, Duration timeout, Trust.Generation generation) {
        static Connection of(Recipient recipient, Trust.Generation generation) {
            return new Connection(
                    recipient.id(),
                    recipient.trustAnchor(),
                    recipient.delivery().timeout(),
                    generation);
        }
    }

    private static HttpClient httpClient(Connection connection, SigningKey gateway, Trust trust) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connection.timeout())
                .sslContext(TlsContexts.mutual(gateway, List.of(trust.anchor(connection.trustAnchor())), server -> {
                    try {
                        trust.validateAnchoredAt(connection.recipientId(), connection.trustAnchor(), server);
                    } catch (GatewayException e) {
                        throw new CertificateException(e.getMessage(), e);
                    }
                }))
                .build();
    }

    /** Why the server's certificate was refused, when that is what ended the handshake. */
    private void count(Recipient recipient, TransportFailure.Cause cause) {
        meters.counter("borderlink.delivery.failures", "recipient", recipient.id(), "cause", cause.name())
                .increment();
    }

    private static Optional<GatewayException> refusedServer(IOException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof GatewayException refused) {
                return Optional.of(refused);
            }
        }
        return Optional.empty();
    }
}
