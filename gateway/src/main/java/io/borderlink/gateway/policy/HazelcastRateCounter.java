package io.borderlink.gateway.policy;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import io.borderlink.gateway.cluster.Quorum;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rate counters in a Hazelcast map, one entry per partner and UTC hour, incremented atomically on the
 * member that owns the key. A node without a {@link Quorum} (the minority side of a split brain) cannot
 * count and answers "above the limit": the policy's {@code when-exceeded} then holds or denies, never
 * releases on a count of its own.
 */
@Component
class HazelcastRateCounter implements RateCounter {

    static final String MAP = "borderlink-rates";
    private static final Logger log = LoggerFactory.getLogger(HazelcastRateCounter.class);
    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);

    private final IMap<String, Integer> counts;
    private final Quorum quorum;
    private final Clock clock;

    HazelcastRateCounter(HazelcastInstance hazelcast, Quorum quorum, Clock clock) {
        this.counts = hazelcast.getMap(MAP);
        this.quorum = quorum;
        this.clock = clock;
    }

    @Override
    public boolean tryAcquire(String partnerId, int perHour) {
        if (!quorum.present()) {
            log.warn("cannot count {}'s rate without a majority of the cluster; treated as above the limit", partnerId);
            return false;
        }
        return counts.executeOnKey(key(partnerId), new IncrementBelow(perHour));
    }

    @Override
    public int current(String partnerId) {
        if (!quorum.present()) {
            return Integer.MAX_VALUE;
        }
        Integer count = counts.get(key(partnerId));
        return count == null ? 0 : count;
    }

    private String key(String partnerId) {
        return partnerId + "@" + HOUR.format(clock.instant());
    }

    /** Runs on the key's owner, so concurrent increments from any node never overshoot the limit. */
    record IncrementBelow(int limit) implements EntryProcessor<String, Integer, Boolean> {
        @Override
        public Boolean process(Map.Entry<String, Integer> entry) {
            int count = entry.getValue() == null ? 0 : entry.getValue();
            if (count >= limit) {
                return false;
            }
            entry.setValue(count + 1);
            return true;
        }
    }
}
