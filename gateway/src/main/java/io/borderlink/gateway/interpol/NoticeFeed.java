package io.borderlink.gateway.interpol;

import io.borderlink.adapters.partner.BoundedBody;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.gateway.partner.NoticePoll;
import io.borderlink.gateway.submission.SubmissionSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * GETs one resource of a notices API: the body of a 200, or a stable code for anything else. Redirects
 * are not followed, so the API cannot send the gateway to another host. Timeouts and server errors are
 * {@code PARTNER_UNAVAILABLE}, other answers {@code PARTNER_REJECTED} (a CDN's 403, say).
 */
@Component
class NoticeFeed {

    /** One client, and connection pool, per connect timeout. */
    private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();

    private final SubmissionSettings intake;

    NoticeFeed(SubmissionSettings intake) {
        this.intake = intake;
    }

    byte[] get(NoticePoll poll, String path) {
        URI uri = poll.url().resolve(path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(poll.timeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        long limit = intake.maxDocumentSize().toBytes();
        HttpResponse<byte[]> response;
        byte[] body;
        try {
            response = client(poll.timeout()).send(request, BoundedBody.upTo(limit));
            body = BoundedBody.require(response.body(), limit);
        } catch (BoundedBody.TooLarge e) {
            throw new GatewayException(
                    ErrorCode.MESSAGE_TOO_LARGE, "GET " + path + " answered more than " + intake.maxDocumentSize(), e);
        } catch (IOException e) {
            throw new GatewayException(
                    ErrorCode.PARTNER_UNAVAILABLE,
                    "GET " + path + ": " + e.getClass().getSimpleName() + " " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(ErrorCode.PARTNER_UNAVAILABLE, "GET " + path + ": interrupted", e);
        }
        int status = response.statusCode();
        if (status != 200) {
            throw new GatewayException(ErrorCode.ofPartnerStatus(status), "GET " + path + " answered HTTP " + status);
        }
        return body;
    }

    private HttpClient client(Duration timeout) {
        return clients.computeIfAbsent(timeout, t -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(t)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }
}
