package io.borderlink.gateway.delivery;

import io.borderlink.gateway.exchange.ReleasedShare;
import io.borderlink.gateway.share.Shares;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A share released at acceptance for which the delivery queue had no room: the lease it was opened with is
 * given up at once, due now, so that the next sweep of any node takes it, rather than the first sweep after
 * that lease runs out.
 */
@Component("handOffs")
public class HandOffs {

    private static final Logger log = LoggerFactory.getLogger(HandOffs.class);

    private final Shares shares;
    private final Clock clock;

    HandOffs(Shares shares, Clock clock) {
        this.shares = shares;
        this.clock = clock;
    }

    public void notQueued(ReleasedShare released) {
        log.warn(
                "the delivery queue is full: share {} is left to the next sweep",
                released.lease().shareId());
        shares.putBack(released.lease(), clock.instant());
    }
}
