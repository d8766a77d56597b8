package io.borderlink.gateway.policy;

/** Counts exchanges per partner and clock hour across the cluster, for the policy's rate limit. */
public interface RateCounter {

    /** Counts one more exchange for the partner if that stays within the limit; false (and no count) otherwise. */
    boolean tryAcquire(String partnerId, int perHour);

    /** How many exchanges the partner received in the current hour. */
    int current(String partnerId);
}
