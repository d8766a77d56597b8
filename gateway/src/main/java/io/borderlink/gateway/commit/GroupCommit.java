package io.borderlink.gateway.commit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: units of database work that arrive while a commit is under way are committed together, in
 * one transaction, by whichever of their threads gets there first; each caller returns only once its own
 * unit is committed, so "stored before acknowledged" holds as with a transaction of its own. Alone, a unit
 * commits at once: nothing waits for company. Under load the commits per unit fall, and with them the
 * embedded database's page writes per commit (H2 writes a chunk at each) and PostgreSQL's commit round trips.
 * A unit joins the first lane with fewer than a batch of units in it; only when every lane is that full does
 * it queue behind the least loaded. So under light load one lane shares the most commits, and when units
 * pile up (heavy load, or a database a network hop away, where each unit takes longer) further lanes
 * ({@link CommitSettings#lanes}) commit side by side rather than running every unit's statements in turn.
 *
 * <p>A batch is all or nothing, and one unit's failure must not become its neighbours': when a batch fails,
 * each of its units runs again in a transaction of its own and gets its own outcome. Units are therefore
 * written as transactions are: no effect outside the database that a rollback would not undo (after-commit
 * listeners run once, for the transaction that committed).
 */
@Component
public class GroupCommit {

    private final TransactionTemplate transactions;
    private final int maxBatch;
    private final List<Lane> lanes;
    private final DistributionSummary units;

    public GroupCommit(TransactionTemplate transactions, MeterRegistry meters, CommitSettings settings) {
        this.transactions = transactions;
        this.maxBatch = settings.maxBatch();
        this.lanes =
                IntStream.range(0, settings.lanes()).mapToObj(i -> new Lane()).toList();
        this.units = DistributionSummary.builder("borderlink.commit.units")
                .description("units of work (an exchange accepted, a delivery recorded) per group commit")
                .register(meters);
    }

    /** Runs {@code work} in a transaction, perhaps shared with others; its result once committed. */
    public <T> T execute(Supplier<T> work) {
        Unit<T> unit = new Unit<>(work);
        Lane lane = lanes.stream()
                .filter(l -> l.load.get() < maxBatch)
                .findFirst()
                .orElseGet(() -> lanes.stream()
                        .min(Comparator.comparingInt(l -> l.load.get()))
                        .orElseThrow());
        lane.load.incrementAndGet();
        lane.queue.add(unit);
        try {
            while (!unit.done) {
                // The thread that gets the lane's lock leads: it commits whatever the lane queued, its own unit
                // included unless more than a batch was ahead of it; the others wait here and find theirs done.
                lane.committing.lock();
                try {
                    if (!unit.done) {
                        commit(lane.next(maxBatch));
                    }
                } finally {
                    lane.committing.unlock();
                }
            }
        } finally {
            lane.load.decrementAndGet();
        }
        return unit.outcome();
    }

    /** The same for work without a result. */
    public void run(Runnable work) {
        execute(() -> {
            work.run();
            return null;
        });
    }

    /** Units waiting for a commit to take them, in all lanes. */
    int queued() {
        return lanes.stream().mapToInt(lane -> lane.queue.size()).sum();
    }

    private void commit(List<Unit<?>> batch) {
        if (batch.size() > 1) {
            try {
                transactions.executeWithoutResult(status -> batch.forEach(Unit::run));
                units.record(batch.size());
                batch.forEach(Unit::succeed);
                return;
            } catch (RuntimeException | Error e) {
                // Rolled back as a whole: each unit again alone, so that only the failing one fails.
            }
        }
        for (Unit<?> unit : batch) {
            try {
                transactions.executeWithoutResult(status -> unit.run());
                units.record(1);
                unit.succeed();
            } catch (RuntimeException | Error e) {
                unit.fail(e);
            }
        }
    }

    /** One transaction at a time, and the units waiting for it; load counts both, for choosing a lane. */
    private static final class Lane {
        private final Queue<Unit<?>> queue = new ConcurrentLinkedQueue<>();
        private final ReentrantLock committing = new ReentrantLock();
        private final AtomicInteger load = new AtomicInteger();

        List<Unit<?>> next(int maxBatch) {
            List<Unit<?>> batch = new ArrayList<>();
            Unit<?> unit;
            while (batch.size() < maxBatch && (unit = queue.poll()) != null) {
                batch.add(unit);
            }
            return batch;
        }
    }

    /** One caller's work, its result, and whether it is committed (or failed); read by its own thread. */
    private static final class Unit<T> {
        private final Supplier<T> work;
        private T result;
        private Throwable failure;
        private volatile boolean done;

        Unit(Supplier<T> work) {
            this.work = work;
        }

        void run() {
            result = work.get();
        }

        void succeed() {
            done = true;
        }

        void fail(Throwable e) {
            result = null;
            failure = e;
            done = true;
        }

        T outcome() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }
}
