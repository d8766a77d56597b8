package io.borderlink.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.adapters.liaison.LiaisonFormat;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.crypto.KeyTransport;
import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditStep;
import io.borderlink.gateway.audit.AuditTrail;
import io.borderlink.gateway.partner.CircuitSettings;
import io.borderlink.gateway.partner.DeliverySettings;
import io.borderlink.gateway.partner.Direction;
import io.borderlink.gateway.partner.Receipts;
import io.borderlink.gateway.partner.Recipient;
import io.borderlink.testkit.DevGateway;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CircuitsTest {

    private final List<AuditEvent> audited = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Circuits circuits = new Circuits(new RecordingAuditTrail(audited), meters, Clock.systemUTC());

    /** Two unavailable attempts in a row open RU-LIAISON's circuit: the next share is put back for open-for. */
    @Test
    void opensAfterConsecutiveUnavailabilityAndPutsSharesBackForTheOpenPeriod() {
        Recipient ruLiaison = ruLiaisonOpeningAfter(2);

        attemptFails(ruLiaison, ErrorCode.PARTNER_UNAVAILABLE);
        attemptFails(ruLiaison, ErrorCode.PARTNER_UNAVAILABLE);

        assertThat(circuits.refusal(ruLiaison)).contains(Duration.ofHours(1));
        assertThat(circuits.state("RU-LIAISON")).isEqualTo(State.OPEN);
        assertThat(audited)
                .singleElement()
                .satisfies(event -> assertThat(event.step()).isEqualTo(AuditStep.CIRCUIT))
                .satisfies(event -> assertThat(event.code()).isEqualTo("PARTNER_UNAVAILABLE"));
        assertThat(meters.get("borderlink.delivery.circuit.transitions")
                        .tags("recipient", "RU-LIAISON", "from", "CLOSED", "to", "OPEN")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("borderlink.delivery.circuit.state").gauge().value())
                .isEqualTo(1);
    }

    /** Operators see, per recipient, the state and the last failure with its cause, and when it last delivered. */
    @Test
    void remembersTheLastSuccessAndTheLastFailureWithItsCause() {
        Recipient ruLiaison = ruLiaisonOpeningAfter(5);

        circuits.succeeded(ruLiaison);
        circuits.failed(
                ruLiaison, new GatewayException(ErrorCode.PARTNER_UNAVAILABLE, "RU-LIAISON: connection refused"));

        assertThat(circuits.statuses()).singleElement().satisfies(status -> {
            assertThat(status.recipient()).isEqualTo("RU-LIAISON");
            assertThat(status.state()).isEqualTo("CLOSED");
            assertThat(status.lastSuccess()).isNotNull();
            assertThat(status.lastFailure()).isAfterOrEqualTo(status.lastSuccess());
            assertThat(status.lastError()).isEqualTo("PARTNER_UNAVAILABLE: RU-LIAISON: connection refused");
        });
    }

    /** A partner that refuses a message is up: refusals and our own errors never open its circuit. */
    @Test
    void staysClosedWhenThePartnerRefusesOrTheGatewayFails() {
        Recipient ruLiaison = ruLiaisonOpeningAfter(2);

        attemptFails(ruLiaison, ErrorCode.PARTNER_UNAVAILABLE);
        attemptFails(ruLiaison, ErrorCode.PARTNER_REJECTED);
        attemptFails(ruLiaison, ErrorCode.PARTNER_UNAVAILABLE);
        attemptFails(ruLiaison, ErrorCode.INTERNAL_ERROR);

        assertThat(circuits.refusal(ruLiaison)).isEmpty();
        assertThat(circuits.state("RU-LIAISON")).isEqualTo(State.CLOSED);
        assertThat(audited).isEmpty();
    }

    private void attemptFails(Recipient recipient, ErrorCode code) {
        assertThat(circuits.refusal(recipient)).isEmpty();
        circuits.failed(recipient, new GatewayException(code, "attempt failed"));
    }

    private static Recipient ruLiaisonOpeningAfter(int failures) {
        return new Recipient(
                "RU-LIAISON",
                Direction.OUTBOUND,
                new LiaisonFormat(DevGateway.IDENTITY),
                URI.create("https://127.0.0.1:9443/liaison"),
                Path.of("certs-dev/ru-liaison.crt.pem"),
                Path.of("certs-dev/ca/ru-liaison-root.crt.pem"),
                KeyTransport.RSA_OAEP,
                new DeliverySettings(
                        8,
                        Duration.ofSeconds(2),
                        Duration.ofMinutes(5),
                        Duration.ofSeconds(10),
                        new CircuitSettings(failures, Duration.ofHours(1), 1)),
                Receipts.REQUIRED);
    }

    private record RecordingAuditTrail(List<AuditEvent> events) implements AuditTrail {
        @Override
        public void record(AuditEvent event) {
            events.add(event);
        }

        @Override
        public void record(List<AuditEvent> batch) {
            events.addAll(batch);
        }
    }
}
