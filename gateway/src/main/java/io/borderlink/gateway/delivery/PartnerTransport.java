package io.borderlink.gateway.delivery;

import io.borderlink.adapters.liaison.LiaisonClient;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.gateway.crypto.Certificates;
import io.borderlink.gateway.crypto.SigningKey;
import io.borderlink.gateway.crypto.TlsContexts;
import io.borderlink.gateway.partner.Partner;
import io.borderlink.gateway.partner.PartnerDirectory;
import io.borderlink.gateway.pki.GatewayKeys;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The deliver step: sends a protected message to the partner's endpoint over mutual TLS, where the
 * gateway authenticates with its own key and trusts only the partner's own root CA. Timeouts and server
 * errors mean "try again later"; other refusals mean the message itself is unacceptable.
 */
@Component("partnerTransport")
public class PartnerTransport {

    private final Map<String, LiaisonClient> clients;

    PartnerTransport(PartnerDirectory partners, GatewayKeys keys) {
        this.clients = partners.all().stream()
                .collect(Collectors.toUnmodifiableMap(
                        Partner::id, p -> new LiaisonClient(httpClient(p, keys.signing()))));
    }

    public SentMessage send(ProtectedMessage message) {
        Partner partner = message.share().partner();
        LiaisonClient.Answer answer;
        try {
            answer = clients.get(partner.id())
                    .deliver(
                            partner.endpoint(),
                            message.document(),
                            partner.delivery().timeout());
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

    private static HttpClient httpClient(Partner partner, SigningKey gateway) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(partner.delivery().timeout())
                .sslContext(TlsContexts.mutual(gateway, List.of(Certificates.readCertificate(partner.trustAnchor()))))
                .build();
    }
}
