package io.borderlink.gateway.operations;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.gateway.agency.Agencies;
import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditEvent.Outcome;
import io.borderlink.gateway.audit.Recorded;
import io.borderlink.gateway.partner.Partners;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts what the audit trail records, once it is committed, so that the metrics and the trail always agree:
 * exchanges accepted and refused (by code), shares decided (by decision), approved, delivered, retried and
 * dead-lettered, per agency or partner; and the time from receipt to delivery. Tag values are bounded:
 * a sender or recipient that is not configured counts as {@code other}, a code that is not an error code
 * as {@code OTHER}.
 */
@Component
class AuditMeters {

    private static final String OTHER = "other";
    private static final Set<String> CODES =
            Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private final MeterRegistry meters;
    private final Partners partners;
    private final Agencies agencies;
    private final JdbcClient jdbc;
    private final Clock clock;

    AuditMeters(MeterRegistry meters, Partners partners, Agencies agencies, JdbcClient jdbc, Clock clock) {
        this.meters = meters;
        this.partners = partners;
        this.agencies = agencies;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void count(Recorded recorded) {
        recorded.events().forEach(this::count);
    }

    private void count(AuditEvent event) {
        meters.counter(
                        "borderlink.audit.events",
                        "step",
                        event.step().name(),
                        "outcome",
                        event.outcome().name())
                .increment();
        switch (event.step()) {
            case ACCEPT -> {
                if (event.outcome() == Outcome.OK) {
                    meters.counter("borderlink.exchanges.accepted", "sender", party(event.actor()))
                            .increment();
                }
            }
            case RECEIVE -> {
                if (event.outcome() == Outcome.REJECTED) {
                    meters.counter(
                                    "borderlink.exchanges.refused",
                                    "sender",
                                    party(event.actor()),
                                    "code",
                                    code(event.code()))
                            .increment();
                } else if ("DUPLICATE".equals(event.code())) {
                    meters.counter("borderlink.exchanges.duplicates", "sender", party(event.actor()))
                            .increment();
                }
            }
            case DECIDE ->
                meters.counter(
                                "borderlink.shares.decided",
                                "recipient",
                                party(event.partnerId()),
                                "decision",
                                event.outcome().name())
                        .increment();
            case APPROVAL -> {
                if (event.outcome() == Outcome.RELEASED) {
                    meters.counter("borderlink.shares.approved", "recipient", party(event.partnerId()))
                            .increment();
                }
            }
            case DELIVER -> delivery(event);
            case DEAD_LETTER ->
                meters.counter(
                                "borderlink.shares.dead.lettered",
                                "recipient",
                                party(event.partnerId()),
                                "code",
                                code(event.code()))
                        .increment();
            default -> {
                // Counted above by step and outcome only.
            }
        }
    }

    private void delivery(AuditEvent event) {
        String recipient = party(event.partnerId());
        if (event.outcome() == Outcome.OK) {
            meters.counter("borderlink.shares.delivered", "recipient", recipient)
                    .increment();
            receivedAt(event.exchangeId()).ifPresent(received -> Timer.builder("borderlink.delivery.latency")
                    .description("from the exchange's receipt to the recipient's acceptance of its share")
                    .tag("recipient", recipient)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(10))
                    .maximumExpectedValue(Duration.ofHours(72))
                    .register(meters)
                    .record(Duration.between(received, clock.instant())));
        } else if (event.outcome() == Outcome.RETRY) {
            meters.counter("borderlink.shares.retried", "recipient", recipient, "code", code(event.code()))
                    .increment();
        }
    }

    private Optional<Instant> receivedAt(UUID exchangeId) {
        if (exchangeId == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT received_at FROM exchange WHERE id = ?")
                .param(exchangeId)
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .optional();
    }

    /** A configured agency's or partner's id as it is; anything else (an unknown certificate's name) bounded. */
    private String party(String id) {
        if (id == null) {
            return "none";
        }
        boolean known = partners.current().find(id).isPresent()
                || agencies.current().find(id).isPresent();
        return known ? id : OTHER;
    }

    private static String code(String code) {
        return code != null && CODES.contains(code) ? code : "OTHER";
    }
}
