package io.borderlink.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InFlightTest {

    private final InFlight inFlight = new InFlight();

    /** Closing waits for the delivery under way, then refuses new ones. */
    @Test
    void closingWaitsForTheDeliveryUnderWayAndRefusesNewOnes() {
        UUID share = UUID.randomUUID();
        assertThat(inFlight.enter(share)).isTrue();

        CompletableFuture<Boolean> closed = CompletableFuture.supplyAsync(() -> inFlight.close(Duration.ofSeconds(30)));
        inFlight.leave(share);

        assertThat(closed.join()).isTrue();
        assertThat(inFlight.enter(UUID.randomUUID())).isFalse();
    }

    /** A delivery that does not finish in time is given up on; leaving twice is harmless. */
    @Test
    void givesUpOnADeliveryThatDoesNotFinishInTime() {
        UUID share = UUID.randomUUID();
        inFlight.enter(share);

        assertThat(inFlight.close(Duration.ofMillis(50))).isFalse();
        inFlight.leave(share);
        inFlight.leave(share);
    }
}
