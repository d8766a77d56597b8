package io.borderlink.benchmarks;

import io.borderlink.benchmarks.ExchangeDocuments.Submission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Pre-generated submissions, handed out once each. */
final class Documents implements Source {
    final Submission[] submissions;
    final long nanos;
    private final AtomicInteger next = new AtomicInteger();

    Documents(Submission[] submissions, long nanos) {
        this.submissions = submissions;
        this.nanos = nanos;
    }

    static Documents generate(ExchangeDocuments documents, int count, int threads) throws Exception {
        Submission[] out = new Submission[count];
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = t;
                parts.add(pool.submit(() -> {
                    for (int i = from; i < count; i += threads) {
                        out[i] = documents.next(Instant.now());
                    }
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } finally {
            pool.shutdown();
        }
        return new Documents(out, System.nanoTime() - start);
    }

    @Override
    public Submission take() {
        int i = next.getAndIncrement();
        return i < submissions.length ? submissions[i] : null;
    }

    int size() {
        return submissions.length;
    }

    double seconds() {
        return LoadGenerator.seconds(nanos);
    }
}
