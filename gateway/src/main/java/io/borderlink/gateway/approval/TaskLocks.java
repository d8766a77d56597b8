package io.borderlink.gateway.approval;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Keeps concurrent actions on one approval task apart across the cluster, cheaply. It only spares the
 * database contention: when the lock cannot be had, the share row lock still decides.
 */
@Component
class TaskLocks {

    private static final String LOCKS = "borderlink-approval-locks";

    private final IMap<UUID, Boolean> locks;
    private final ApprovalSettings settings;

    TaskLocks(HazelcastInstance hazelcast, ApprovalSettings settings) {
        this.locks = hazelcast.getMap(LOCKS);
        this.settings = settings;
    }

    /** Answers whether the lock was taken; only then must it be {@link #unlock unlocked}. */
    boolean lock(UUID shareId) {
        try {
            return locks.tryLock(shareId, settings.lockWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void unlock(UUID shareId) {
        locks.unlock(shareId);
    }
}
