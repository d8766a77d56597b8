package io.borderlink.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderlink.testkit.StubServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The counts a run is judged by, from the receipts the agency got, the gateway's database and what the
 * partner recorded: accepted, stored, delivered, duplicates seen by the partner, overlapping deliveries of
 * one share, lost. Written to target/resilience-summary.txt (and printed) so they can be quoted.
 *
 * @param stored accepted exchanges that are in the database with their share (a receipt never comes first)
 * @param delivered accepted exchanges whose share the partner received at least once
 * @param duplicates deliveries the partner received more than once (at-least-once; the id lets it drop them)
 * @param overlapping deliveries that arrived while the same share was still being received from another send
 * @param lost accepted exchanges the partner never received
 */
record Tally(int accepted, int stored, int delivered, int duplicates, int overlapping, int lost) {

    /**
     * Waits until every document has its receipt and every accepted exchange has reached the partner (or the
     * patience runs out), then counts.
     */
    static Tally settle(Scenario scenario, Submitter submitter, StubServer partner) throws SQLException {
        try {
            await().atMost(Duration.ofMinutes(2)).until(submitter::finished);
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> of(scenario, submitter.receipts(), partner.received())
                                    .lost()
                            == 0);
        } catch (ConditionTimeoutException e) {
            // Counted and reported all the same: the summary shows what a failed run lost.
        }
        return of(scenario, submitter.receipts(), partner.received());
    }

    /** Every document accepted, every receipt backed by a stored exchange, every accepted one delivered. */
    void assertNothingLost(int documents) {
        assertThat(accepted).isEqualTo(documents);
        assertThat(stored).isEqualTo(accepted);
        assertThat(lost).isZero();
    }

    static Tally of(Scenario scenario, Set<String> receipts, List<String> received) throws SQLException {
        Map<String, String> shareOfExchange = new HashMap<>();
        try (Connection database = scenario.database();
                Statement query = database.createStatement();
                ResultSet shares =
                        query.executeQuery("SELECT id, exchange_id FROM share WHERE recipient_id = 'RU-LIAISON'")) {
            while (shares.next()) {
                shareOfExchange.put(shares.getString("exchange_id"), shares.getString("id"));
            }
        }
        Set<String> receivedIds =
                received.stream().map(line -> line.split(" ")[0]).collect(Collectors.toSet());
        Set<String> stored = new HashSet<>(receipts);
        stored.retainAll(shareOfExchange.keySet());
        int delivered = (int) receipts.stream()
                .filter(exchange -> receivedIds.contains(shareOfExchange.get(exchange)))
                .count();
        return new Tally(
                receipts.size(),
                stored.size(),
                delivered,
                received.size() - receivedIds.size(),
                (int) received.stream()
                        .filter(line -> line.endsWith(" OVERLAP"))
                        .count(),
                receipts.size() - delivered);
    }

    /** Whether this JVM has not written a summary line yet: the first one starts the file afresh. */
    private static final AtomicBoolean FIRST_REPORT = new AtomicBoolean(true);

    /** Prints the counts and adds them, with what else the run saw, to target/resilience-summary.txt. */
    Tally report(Scenario scenario, String notes) {
        String line = "%s %-16s %-10s accepted=%d stored=%d delivered=%d duplicates=%d overlapping=%d lost=%d %s%n"
                .formatted(
                        Instant.now(),
                        scenario.name,
                        scenario.kind,
                        accepted,
                        stored,
                        delivered,
                        duplicates,
                        overlapping,
                        lost,
                        notes);
        System.out.print(line);
        try {
            Files.writeString(
                    Scenario.TARGET.resolve("resilience-summary.txt"),
                    line,
                    StandardOpenOption.CREATE,
                    FIRST_REPORT.getAndSet(false) ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
