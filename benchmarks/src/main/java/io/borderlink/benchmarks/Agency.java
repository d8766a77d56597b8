package io.borderlink.benchmarks;

import static io.borderlink.benchmarks.LoadGenerator.say;

import io.borderlink.benchmarks.ExchangeDocuments.Submission;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** The agency's side of the load: submissions to the REST intake over mutual TLS, and the status API. */
final class Agency {

    private final HttpClient http;
    private final List<URI> nodes;
    private final AtomicLong turn = new AtomicLong();

    /**
     * @param nodes each node's intake; submissions take turns over them, request by request, as a load balancer
     *     in front of the cluster would, so that every node gets the same share whatever the number of clients
     */
    Agency(HttpClient http, List<URI> nodes) {
        this.http = http;
        this.nodes = List.copyOf(nodes);
    }

    void submit(Phase phase, Submission submission, long scheduled, Latencies latencies) {
        int node = (int) (turn.getAndIncrement() % nodes.size());
        HttpRequest request = HttpRequest.newBuilder(nodes.get(node))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(submission.document()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long done = System.nanoTime();
            if (response.statusCode() == 202) {
                latencies.add(scheduled, done - scheduled);
                phase.accepted(submission.exchangeId(), node);
            } else {
                phase.error("HTTP " + response.statusCode(), response.body());
            }
        } catch (IOException e) {
            phase.error(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            phase.error("interrupted", "");
        }
    }

    /** Cross-checks a sample with the status API: every share should say DELIVERED. */
    int checkStatuses(Phase phase) throws InterruptedException {
        List<UUID> sample = new ArrayList<>(phase.accepted);
        Collections.shuffle(sample);
        sample = sample.subList(0, Math.min(20, sample.size()));
        int delivered = 0;
        for (UUID id : sample) {
            for (int attempt = 0; attempt < 20; attempt++) {
                String body = get(nodes.get(0).resolve("/api/v1/exchanges/" + id));
                if (body.matches("(?s).*\"state\"\\s*:\\s*\"DELIVERED\".*")) {
                    delivered++;
                    break;
                }
                Thread.sleep(250);
            }
        }
        say("status API: %d of %d sampled exchanges show their share DELIVERED", delivered, sample.size());
        return delivered;
    }

    private String get(URI uri) throws InterruptedException {
        try {
            return http.send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(10))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            return "";
        }
    }
}
