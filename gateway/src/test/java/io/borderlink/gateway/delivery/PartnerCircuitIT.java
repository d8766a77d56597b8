package io.borderlink.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * RU-LIAISON's circuit: two failed attempts open it; while open, its shares wait without spending attempts;
 * once the partner is back a probe closes it and the shares are delivered. Transitions are audited and
 * counted in the metrics.
 */
@TestPropertySource(
        properties = {
            "borderlink.partner.ru-liaison.max-attempts=4",
            "borderlink.partner.ru-liaison.circuit-failures=2",
            "borderlink.partner.ru-liaison.circuit-open-for=2s"
        })
class PartnerCircuitIT extends GatewayTestSupport {

    @Autowired
    MeterRegistry meters;

    /** Three shares during an outage: none is dead-lettered, all are delivered after it, the circuit closes. */
    @Test
    void holdsSharesWhileThePartnerIsDownAndDeliversThemAfterwards() {
        RU_LIAISON.answer(503);
        List<UUID> shares = List.of(submit(), submit(), submit());
        await().atMost(Duration.ofSeconds(20)).until(() -> circuitEvents("FAILED") >= 1);
        // Open for 2s: long enough to see shares held back with attempts to spare.
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM share WHERE recipient_id = 'RU-LIAISON' AND state = 'DEAD_LETTER'",
                        Integer.class))
                .isZero();

        RU_LIAISON.answer(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(shares)
                .allSatisfy(share -> assertThat(state(share)).isEqualTo("DELIVERED")));
        assertThat(circuitEvents("OK")).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("borderlink.delivery.circuit.transitions")
                        .tags("recipient", "RU-LIAISON", "to", "OPEN")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1);
        assertThat(meters.get("borderlink.delivery.circuit.state")
                        .tags("recipient", "RU-LIAISON")
                        .gauge()
                        .value())
                .isZero();
    }

    private UUID submit() {
        Exchange incident = fresh(Samples.borderIncidentFromBorderPolice());
        agency("mn-border").submit(protect(incident, "mn-border"));
        return jdbc.queryForObject(
                "SELECT id FROM share WHERE exchange_id = ? AND recipient_id = 'RU-LIAISON'",
                UUID.class,
                incident.header().exchangeId());
    }

    private String state(UUID shareId) {
        return jdbc.queryForObject("SELECT state FROM share WHERE id = ?", String.class, shareId);
    }

    private int circuitEvents(String outcome) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_event WHERE step = 'CIRCUIT' AND partner_id = 'RU-LIAISON' AND outcome = ?",
                Integer.class,
                outcome);
    }
}
