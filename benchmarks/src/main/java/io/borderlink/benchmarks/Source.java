package io.borderlink.benchmarks;

import io.borderlink.benchmarks.ExchangeDocuments.Submission;
import java.time.Instant;

/** Where a phase takes its submissions from; null when there are no more. */
interface Source {
    Submission take();

    /** Protected on demand, by the client thread that submits it. */
    static Source onDemand(ExchangeDocuments documents) {
        return () -> documents.next(Instant.now());
    }
}
