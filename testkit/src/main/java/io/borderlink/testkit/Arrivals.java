package io.borderlink.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a {@link StubServer} received. A delivery is known by its id (a liaison MessageId, the share id,
 * or an agency's ExchangeId: the same on every attempt, so a second copy is a duplicate) and by its
 * correlation id (the agency's exchange it comes from).
 */
public final class Arrivals {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> underWay = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> copies = new ConcurrentHashMap<>();
    private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> deliveriesOfExchange = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();

    void countRequest() {
        requests.incrementAndGet();
    }

    void countUnreadable() {
        unreadable.incrementAndGet();
    }

    /** A delivery accepted at {@code nanos} (System.nanoTime()), still under way until {@link #answered}. */
    void arrived(String id, String correlationId, long nanos) {
        boolean overlapping = !underWay.add(id);
        lines.add(id + (overlapping ? " OVERLAP" : ""));
        copies.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        firstArrival.putIfAbsent(correlationId, nanos);
        deliveriesOfExchange
                .computeIfAbsent(correlationId, k -> ConcurrentHashMap.newKeySet())
                .add(id);
    }

    void answered(String id) {
        underWay.remove(id);
    }

    /**
     * The id of every delivery accepted so far, in order; a line ending in {@code OVERLAP} arrived while a
     * delivery with the same id was still being received (two sends of one share at once).
     */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** When the first delivery of the exchange arrived (System.nanoTime()), or null if none has. */
    public Long firstArrival(UUID exchangeId) {
        return firstArrival.get(exchangeId.toString());
    }

    /** Exchanges of which at least one delivery arrived. */
    public int exchanges() {
        return firstArrival.size();
    }

    /** Requests of any kind, refused and unreadable ones included. */
    public long requests() {
        return requests.get();
    }

    /** Requests refused because they did not carry a readable message (or, when opened, a valid one). */
    public long unreadable() {
        return unreadable.get();
    }

    /** Deliveries that arrived more than once: the number of extra copies. */
    public long duplicateCopies() {
        return copies.values().stream()
                .mapToLong(count -> Math.max(0, count.get() - 1))
                .sum();
    }

    /** Distinct deliveries that arrived more than once. */
    public long duplicatedDeliveries() {
        return copies.values().stream().filter(count -> count.get() > 1).count();
    }

    /** Exchanges that arrived under more than one delivery id. */
    public long exchangesWithSeveralDeliveries() {
        return deliveriesOfExchange.values().stream()
                .filter(ids -> ids.size() > 1)
                .count();
    }
}
