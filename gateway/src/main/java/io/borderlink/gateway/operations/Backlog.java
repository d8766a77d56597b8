package io.borderlink.gateway.operations;

import io.borderlink.gateway.agency.Agencies;
import io.borderlink.gateway.agency.Agency;
import io.borderlink.gateway.partner.Partner;
import io.borderlink.gateway.partner.Partners;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox and the approval queue as numbers per recipient, read from the {@code share} table (its
 * PENDING and HELD rows, which the {@code share_due} index finds) at most once per
 * {@code borderlink.operations.readings-for}. Each recipient's numbers are gauges too, registered for
 * every configured recipient and for any other one that has shares waiting.
 */
@Component
public class Backlog {

    private final JdbcClient jdbc;
    private final Partners partners;
    private final Agencies agencies;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Reading<Map<String, Waiting>> reading;
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();

    Backlog(
            JdbcClient jdbc,
            Partners partners,
            Agencies agencies,
            MeterRegistry meters,
            OperationsSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.agencies = agencies;
        this.meters = meters;
        this.clock = clock;
        this.reading = new Reading<>(this::read, settings.readingsFor(), clock);
        recipients().forEach(this::gauge);
    }

    /** Every recipient configured now, partners and receiving agencies, and any other with shares waiting. */
    public Map<String, Waiting> byRecipient() {
        Map<String, Waiting> read = reading.get();
        Map<String, Waiting> all = new TreeMap<>();
        recipients().forEach(id -> all.put(id, Waiting.NONE));
        all.putAll(read);
        return all;
    }

    public Waiting of(String recipient) {
        return Optional.ofNullable(reading.get().get(recipient)).orElse(Waiting.NONE);
    }

    /** Seconds since {@code at}, or 0 when nothing waits. */
    public double ageSeconds(Instant at) {
        return at == null
                ? 0
                : Math.max(0, Duration.between(at, clock.instant()).toMillis() / 1000.0);
    }

    private Set<String> recipients() {
        Set<String> ids = new TreeSet<>();
        partners.current().all().stream().map(Partner::id).forEach(ids::add);
        agencies.current().all().stream()
                .filter(agency -> agency.inbound() != null)
                .map(Agency::id)
                .forEach(ids::add);
        return ids;
    }

    private Map<String, Waiting> read() {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        Map<String, Waiting> waiting = new TreeMap<>();
        jdbc.sql(
                        """
                        SELECT s.recipient_id, s.state, count(*) AS shares,
                               sum(CASE WHEN s.next_attempt_at <= ? THEN 1 ELSE 0 END) AS due,
                               min(CASE WHEN s.next_attempt_at <= ? THEN s.next_attempt_at END) AS oldest_due,
                               min(e.received_at) AS oldest_received
                        FROM share s JOIN exchange e ON e.id = s.exchange_id
                        WHERE s.state IN ('PENDING', 'HELD')
                        GROUP BY s.recipient_id, s.state""")
                .params(now, now)
                .query(rs -> {
                    String recipient = rs.getString("recipient_id");
                    Waiting current = waiting.getOrDefault(recipient, Waiting.NONE);
                    long shares = rs.getLong("shares");
                    Instant oldest = instant(rs.getObject("oldest_received", OffsetDateTime.class));
                    waiting.put(
                            recipient,
                            "HELD".equals(rs.getString("state"))
                                    ? current.held(shares, oldest)
                                    : current.pending(
                                            shares,
                                            rs.getLong("due"),
                                            instant(rs.getObject("oldest_due", OffsetDateTime.class)),
                                            oldest));
                });
        waiting.keySet().forEach(this::gauge);
        return waiting;
    }

    private void gauge(String recipient) {
        if (!gauged.add(recipient)) {
            return;
        }
        gauge("borderlink.outbox.shares", recipient, "shares waiting for delivery", w -> w.pending());
        gauge("borderlink.outbox.due.shares", recipient, "shares due for an attempt now", w -> w.due());
        gauge(
                "borderlink.outbox.oldest.due.seconds",
                recipient,
                "how long the oldest due share has waited for its attempt",
                w -> ageSeconds(w.oldestDue()));
        gauge(
                "borderlink.outbox.oldest.seconds",
                recipient,
                "how long ago the oldest share waiting for delivery was received",
                w -> ageSeconds(w.oldestPending()));
        gauge("borderlink.approvals.waiting", recipient, "shares held for officers", w -> w.held());
        gauge(
                "borderlink.approvals.oldest.seconds",
                recipient,
                "how long ago the oldest held share was received",
                w -> ageSeconds(w.oldestHeld()));
    }

    private void gauge(String name, String recipient, String description, ToDoubleFunction<Waiting> value) {
        Gauge.builder(name, this, backlog -> {
                    Map<String, Waiting> latest = backlog.reading.latest();
                    return latest == null
                            ? Double.NaN
                            : value.applyAsDouble(latest.getOrDefault(recipient, Waiting.NONE));
                })
                .description(description)
                .tag("recipient", recipient)
                .register(meters);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    /**
     * What waits for one recipient.
     *
     * @param pending shares waiting for delivery (due now or at their next attempt)
     * @param due of those, the ones due now
     * @param oldestDue the earliest due time among them, or null
     * @param oldestPending when the oldest pending share's exchange was received, or null
     * @param held shares held for officers' approval
     * @param oldestHeld when the oldest held share's exchange was received, or null
     */
    public record Waiting(
            long pending, long due, Instant oldestDue, Instant oldestPending, long held, Instant oldestHeld) {

        static final Waiting NONE = new Waiting(0, 0, null, null, 0, null);

        Waiting pending(long shares, long dueNow, Instant earliestDue, Instant oldest) {
            return new Waiting(shares, dueNow, earliestDue, oldest, held, oldestHeld);
        }

        Waiting held(long shares, Instant oldest) {
            return new Waiting(pending, due, oldestDue, oldestPending, shares, oldest);
        }
    }
}
