package io.borderlink.adapters.partner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Posts a protected message to a partner's endpoint and returns its answer; one per partner connection,
 * over the HTTP client (and TLS identity) the gateway gives it. Classifying the answer is the caller's; an
 * answer over {@link #MAX_ANSWER} fails like an unreachable partner ({@link BoundedBody.TooLarge} is an
 * {@code IOException}).
 */
public final class PartnerPost {

    /** A partner's answer is a status and at most a signed receipt; nothing legitimate comes near this. */
    public static final long MAX_ANSWER = 1024 * 1024;

    private final HttpClient http;

    public PartnerPost(HttpClient http) {
        this.http = http;
    }

    public Answer post(URI endpoint, byte[] body, String contentType, Map<String, String> headers, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<byte[]> response = http.send(request.build(), BoundedBody.upTo(MAX_ANSWER));
        String type = response.headers().firstValue("Content-Type").orElse("application/octet-stream");
        return new Answer(response.statusCode(), BoundedBody.require(response.body(), MAX_ANSWER), type);
    }

    /** The partner's HTTP status, body and its content type. */
    public record Answer(int status, byte[] body, String contentType) {}
}
