package io.borderlink.gateway.approval;

import java.time.Duration;

/** Narrows the approval queue; a null field does not filter. */
public record QueueFilter(String partner, String category, String classification, Duration olderThan) {

    public static QueueFilter none() {
        return new QueueFilter(null, null, null, null);
    }
}
