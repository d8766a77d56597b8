package io.borderlink.gateway.policy;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Rate counters in a Hazelcast map, one entry per partner and UTC hour, incremented atomically on the
 * member that owns the key. A soft limit: after a split brain both halves may count separately, which
 * errs towards holding more for an officer, never towards losing anything.
 */
@Component
class HazelcastRateCounter implements RateCounter {

    static final String MAP = "borderlink-rates";
    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);

    private final IMap<String, Integer> counts;
    private final Clock clock;

    HazelcastRateCounter(HazelcastInstance hazelcast, Clock clock) {
        this.counts = hazelcast.getMap(MAP);
        this.clock = clock;
    }

    @Override
    public boolean tryAcquire(String partnerId, int perHour) {
        return counts.executeOnKey(key(partnerId), new IncrementBelow(perHour));
    }

    @Override
    public int current(String partnerId) {
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
