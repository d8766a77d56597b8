package io.borderlink.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One client's acceptance latencies, each with the second of the phase its request was due in: a tail is either
 * spread over the window or one episode, and only the seconds tell which.
 */
final class Latencies {

    /** Latencies above this count as slow in the series (the p99 goal at half load). */
    static final long SLOW_NANOS = 50_000_000;

    private final long start;
    private final LongList due = new LongList();
    private final LongList nanos = new LongList();

    Latencies(long phaseStart) {
        this.start = phaseStart;
    }

    /** A request due at {@code scheduled} (System.nanoTime()) answered after {@code latency} nanoseconds. */
    void add(long scheduled, long latency) {
        due.add(scheduled - start);
        nanos.add(latency);
    }

    /** One second of a phase: requests due in it, the slowest and how many took more than 50 ms. */
    record Second(int second, int requests, long maxNanos, int slow) {}

    /** Every latency of the phase, sorted. */
    static long[] sorted(List<Latencies> clients) {
        return clients.stream()
                .flatMapToLong(c -> Arrays.stream(c.nanos.toArray()))
                .sorted()
                .toArray();
    }

    static List<Second> bySecond(List<Latencies> clients) {
        TreeMap<Integer, long[]> seconds = new TreeMap<>(); // requests, max, slow
        for (Latencies client : clients) {
            long[] due = client.due.toArray();
            long[] nanos = client.nanos.toArray();
            for (int i = 0; i < due.length; i++) {
                long[] s = seconds.computeIfAbsent((int) (due[i] / 1_000_000_000L), k -> new long[3]);
                s[0]++;
                s[1] = Math.max(s[1], nanos[i]);
                s[2] += nanos[i] > SLOW_NANOS ? 1 : 0;
            }
        }
        List<Second> series = new ArrayList<>();
        seconds.forEach((second, s) -> series.add(new Second(second, (int) s[0], s[1], (int) s[2])));
        return series;
    }

    /** The {@code n} seconds with the most slow requests, the slowest first among equals. */
    static Stream<Second> worst(List<Second> series, int n) {
        return series.stream()
                .filter(s -> s.slow() > 0)
                .sorted((a, b) -> a.slow() != b.slow()
                        ? Integer.compare(b.slow(), a.slow())
                        : Long.compare(b.maxNanos(), a.maxNanos()))
                .limit(n);
    }
}
