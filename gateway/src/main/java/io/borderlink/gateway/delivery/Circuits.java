package io.borderlink.gateway.delivery;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditEvent.Outcome;
import io.borderlink.gateway.audit.AuditStep;
import io.borderlink.gateway.audit.AuditTrail;
import io.borderlink.gateway.partner.CircuitSettings;
import io.borderlink.gateway.partner.Recipient;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One circuit breaker per recipient, on this node: after repeated failures the recipient is left alone for
 * a while, then probed. Shares that find the circuit open are put back without spending an attempt, so a
 * partner outage delays them but never dead-letters them. Each node learns about an outage by itself.
 *
 * <p>Metrics: {@code borderlink.delivery.circuit.state} (0 closed, 1 open, 2 half-open) and
 * {@code borderlink.delivery.circuit.transitions} per recipient; every transition is logged and audited.
 * {@link #statuses} tells operators, per recipient, the state, when this node last delivered and the last
 * failure it saw.
 */
@Component
public class Circuits {

    private static final Logger log = LoggerFactory.getLogger(Circuits.class);

    private final Map<String, Circuit> circuits = new ConcurrentHashMap<>();
    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();
    private final AuditTrail audit;
    private final MeterRegistry meters;
    private final Clock clock;

    Circuits(AuditTrail audit, MeterRegistry meters, Clock clock) {
        this.audit = audit;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Asks to send one share to the recipient now. Empty means go ahead (and report the outcome with
     * {@link #succeeded} or {@link #failed}); otherwise how long to put the share back for.
     */
    Optional<Duration> refusal(Recipient recipient) {
        CircuitBreaker breaker = breaker(recipient);
        if (breaker.tryAcquirePermission()) {
            return Optional.empty();
        }
        // Open: wait out the open period. Half-open: the probes are under way and end within one timeout.
        return Optional.of(
                breaker.getState() == State.OPEN
                        ? recipient.delivery().circuit().openFor()
                        : recipient.delivery().timeout());
    }

    void succeeded(Recipient recipient) {
        // Slow calls are not judged (the partner timeout bounds them), so the duration does not matter.
        breaker(recipient).onSuccess(0, TimeUnit.NANOSECONDS);
        attempts.merge(recipient.id(), Attempts.NONE.succeeded(clock.instant()), Attempts::then);
    }

    /** Only unavailability counts against the circuit: a refusal proves the recipient is up. */
    void failed(Recipient recipient, GatewayException failure) {
        attempts.merge(
                recipient.id(),
                Attempts.NONE.failed(clock.instant(), failure.code().name() + ": " + failure.getMessage()),
                Attempts::then);
        CircuitBreaker breaker = breaker(recipient);
        if (failure.code() == ErrorCode.PARTNER_UNAVAILABLE) {
            breaker.onError(0, TimeUnit.NANOSECONDS, failure);
        } else if (failure.code() == ErrorCode.PARTNER_REJECTED) {
            breaker.onSuccess(0, TimeUnit.NANOSECONDS);
        } else {
            breaker.releasePermission();
        }
    }

    /** The state of the recipient's circuit on this node. */
    State state(String recipientId) {
        Circuit circuit = circuits.get(recipientId);
        return circuit == null ? State.CLOSED : circuit.breaker().getState();
    }

    /** Every recipient this node has tried to deliver to since it started, by id. */
    public List<CircuitStatus> statuses() {
        return circuits.keySet().stream()
                .sorted()
                .map(id -> {
                    Attempts seen = attempts.getOrDefault(id, Attempts.NONE);
                    return new CircuitStatus(
                            id, state(id).name(), seen.lastSuccess(), seen.lastFailure(), seen.lastError());
                })
                .toList();
    }

    private CircuitBreaker breaker(Recipient recipient) {
        CircuitSettings settings = recipient.delivery().circuit();
        // A reload that changes the recipient's circuit settings starts it afresh, closed.
        return circuits.compute(
                        recipient.id(),
                        (id, current) -> current != null && current.settings().equals(settings)
                                ? current
                                : new Circuit(settings, create(id, settings)))
                .breaker();
    }

    private CircuitBreaker create(String recipientId, CircuitSettings settings) {
        CircuitBreaker breaker = CircuitBreaker.of(
                recipientId,
                CircuitBreakerConfig.custom()
                        .slidingWindowType(SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(settings.failures())
                        .minimumNumberOfCalls(settings.failures())
                        .failureRateThreshold(100)
                        .waitDurationInOpenState(settings.openFor())
                        .permittedNumberOfCallsInHalfOpenState(settings.probes())
                        .build());
        breaker.getEventPublisher().onStateTransition(this::transitioned);
        Gauge.builder("borderlink.delivery.circuit.state", this, circuits -> code(circuits.state(recipientId)))
                .description("0 closed, 1 open, 2 half-open")
                .tag("recipient", recipientId)
                .register(meters);
        return breaker;
    }

    private void transitioned(CircuitBreakerOnStateTransitionEvent event) {
        String recipient = event.getCircuitBreakerName();
        State from = event.getStateTransition().getFromState();
        State to = event.getStateTransition().getToState();
        meters.counter(
                        "borderlink.delivery.circuit.transitions",
                        "recipient",
                        recipient,
                        "from",
                        from.name(),
                        "to",
                        to.name())
                .increment();
        log.warn("circuit to {} went from {} to {}", recipient, from, to);
        Outcome outcome = to == State.CLOSED ? Outcome.OK : to == State.OPEN ? Outcome.FAILED : Outcome.RETRY;
        audit.record(AuditEvent.of(AuditStep.CIRCUIT, outcome)
                .partner(recipient)
                .code(to == State.OPEN ? ErrorCode.PARTNER_UNAVAILABLE.name() : null)
                .actor("gateway", null)
                .detail("circuit " + from + " -> " + to));
    }

    private static int code(State state) {
        return switch (state) {
            case OPEN, FORCED_OPEN -> 1;
            case HALF_OPEN -> 2;
            default -> 0;
        };
    }

    private record Circuit(CircuitSettings settings, CircuitBreaker breaker) {}

    /** What this node saw of its attempts to one recipient; the newer of two readings of each wins. */
    private record Attempts(Instant lastSuccess, Instant lastFailure, String lastError) {

        static final Attempts NONE = new Attempts(null, null, null);
        private static final int MAX_ERROR = 500;

        Attempts succeeded(Instant at) {
            return new Attempts(at, lastFailure, lastError);
        }

        Attempts failed(Instant at, String error) {
            return new Attempts(
                    lastSuccess, at, error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR) + " …");
        }

        Attempts then(Attempts newer) {
            return new Attempts(
                    newer.lastSuccess != null ? newer.lastSuccess : lastSuccess,
                    newer.lastFailure != null ? newer.lastFailure : lastFailure,
                    newer.lastFailure != null ? newer.lastError : lastError);
        }
    }
}
