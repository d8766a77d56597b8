package io.borderlink.gateway.delivery;

import io.borderlink.adapters.liaison.LiaisonSoap;
import io.borderlink.adapters.partner.PartnerPost;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.gateway.crypto.Certificates;
import io.borderlink.gateway.crypto.SigningKey;
import io.borderlink.gateway.crypto.TlsContexts;
import io.borderlink.gateway.partner.Partner;
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
 * The deliver step: sends a protected message to the partner's endpoint over mutual TLS, where the
 * gateway authenticates with its own key and trusts only the partner's own root CA. Timeouts and server
 * errors mean "try again later"; other refusals mean the message itself is unacceptable.
 */
@Component("partnerTransport")
public class PartnerTransport {

    /**
     * One HTTP client (and connection pool) per partner connection; a reload that changes the endpoint's
     * trust anchor or timeout gets a new one.
     */
    private final Map<Connection, PartnerPost> clients = new ConcurrentHashMap<>();

    private final GatewayKeys keys;

    PartnerTransport(GatewayKeys keys) {
        this.keys = keys;
    }

    public SentMessage send(ProtectedMessage message) {
        Partner partner = message.share().partner();
        PartnerPost client =
                clients.computeIfAbsent(Connection.of(partner), c -> new PartnerPost(httpClient(c, keys.signing())));
        PartnerPost.Answer answer;
        try {
            answer = switch (partner.format()) {
                case LIAISON_SOAP ->
                    client.post(
                            partner.endpoint(),
                            LiaisonSoap.envelope(message.bytes()),
                            LiaisonSoap.CONTENT_TYPE,
                            LiaisonSoap.HEADERS,
                            partner.delivery().timeout());
                case WCO_XML ->
                    client.post(
                            partner.endpoint(),
                            message.bytes(),
                            "application/xml",
                            Map.of(),
                            partner.delivery().timeout());
                case NOTICE_JSON ->
                    client.post(
                            partner.endpoint(),
                            message.bytes(),
                            "application/jose",
                            Map.of(),
                            partner.delivery().timeout());
            };
        } catch (IOException e) {
            throw new GatewayException(
                    ErrorCode.PARTNER_UNAVAILABLE,
                    partner.id() + " unreachable: " + e.getClass().getSimpleName() + " " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(
                    ErrorCode.PARTNER_UNAVAILABLE, "interrupted while delivering to " + partner.id(), e);
        }
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return new SentMessage(message, status, answer.body());
        }
        boolean transientFailure = status >= 500 || status == 408 || status == 429;
        throw new GatewayException(
                transientFailure ? ErrorCode.PARTNER_UNAVAILABLE : ErrorCode.PARTNER_REJECTED,
                partner.id() + " answered HTTP " + status);
    }

    private record Connection(String partnerId, Path trustAnchor, Duration timeout) {
        static Connection of(Partner partner) {
            return new Connection(
                    partner.id(), partner.trustAnchor(), partner.delivery().timeout());
        }
    }

    private static HttpClient httpClient(Connection partner, SigningKey gateway) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(partner.timeout())
                .sslContext(TlsContexts.mutual(gateway, List.of(Certificates.readCertificate(partner.trustAnchor()))))
                .build();
    }
}
