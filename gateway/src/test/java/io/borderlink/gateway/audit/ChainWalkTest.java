package io.borderlink.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.gateway.audit.ChainProblem.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChainWalkTest {

    @Test
    void verifiesAnIntactChainToTheEnd() {
        List<ChainEntry> chain = chainOf(10);

        assertThat(walk(chain)).isEmpty();
    }

    @Test
    void locatesAnEventWhoseFieldWasChanged() {
        List<ChainEntry> chain = chainOf(10);
        chain.set(4, withEvent(chain.get(4), eventWithDetail(chain.get(4).event(), "nothing happened")));

        assertThat(walk(chain)).hasValueSatisfying(problem -> {
            assertThat(problem.kind()).isEqualTo(Kind.CHANGED);
            assertThat(problem.seq()).isEqualTo(5);
        });
    }

    @Test
    void locatesARemovedEntry() {
        List<ChainEntry> chain = chainOf(10);
        chain.remove(6);

        assertThat(walk(chain)).hasValueSatisfying(problem -> {
            assertThat(problem.kind()).isEqualTo(Kind.MISSING);
            assertThat(problem.seq()).isEqualTo(7);
        });
    }

    @Test
    void locatesAnEntryInsertedWithRecomputedHashes() {
        List<ChainEntry> genuine = chainOf(10);
        List<ChainEntry> forged = new ArrayList<>(genuine.subList(0, 3));
        ChainedEvent slipped = event(99, "slipped in");
        forged.add(new ChainEntry(
                4,
                99L,
                slipped.entryHash(),
                ChainHashes.chain(genuine.get(2).chainHash(), slipped.entryHash()),
                slipped,
                false));
        for (ChainEntry entry : genuine.subList(3, 10)) {
            forged.add(new ChainEntry(
                    entry.seq() + 1, entry.eventId(), entry.entryHash(), entry.chainHash(), entry.event(), false));
        }

        assertThat(walk(forged)).hasValueSatisfying(problem -> {
            assertThat(problem.kind()).isEqualTo(Kind.INSERTED);
            assertThat(problem.seq()).isEqualTo(4);
        });
    }

    @Test
    void locatesTwoSwappedEvents() {
        List<ChainEntry> chain = chainOf(10);
        ChainedEvent third = chain.get(2).event();
        chain.set(2, withEvent(chain.get(2), chain.get(7).event()));
        chain.set(7, withEvent(chain.get(7), third));

        assertThat(walk(chain)).hasValueSatisfying(problem -> {
            assertThat(problem.kind()).isEqualTo(Kind.REORDERED);
            assertThat(problem.seq()).isEqualTo(3);
        });
    }

    @Test
    void verifiesARedactedNeighbourByItsHashesAlone() {
        List<ChainEntry> chain = chainOf(5);
        ChainEntry hidden = chain.get(2);
        chain.set(2, new ChainEntry(hidden.seq(), null, hidden.entryHash(), hidden.chainHash(), null, true));

        assertThat(walk(chain)).isEmpty();
    }

    @Test
    void startsFromACheckpointsHash() {
        List<ChainEntry> chain = chainOf(10);
        ChainWalk walk = new ChainWalk(6, chain.get(5).chainHash(), (seq, count) -> List.of());

        chain.subList(6, 10).forEach(entry -> assertThat(walk.accept(entry)).isEmpty());

        assertThat(walk.verified()).isEqualTo(4);
        assertThat(walk.lastHash()).isEqualTo(chain.get(9).chainHash());
    }

    private static Optional<ChainProblem> walk(List<ChainEntry> chain) {
        ChainWalk walk = new ChainWalk(0, ChainHashes.GENESIS, (seq, count) -> chain.stream()
                .filter(entry -> entry.seq() > seq)
                .limit(count)
                .toList());
        for (ChainEntry entry : chain) {
            Optional<ChainProblem> problem = walk.accept(entry);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** Entries 1..n as the sequencer writes them, over events with ids 1..n. */
    static List<ChainEntry> chainOf(int n) {
        List<ChainEntry> chain = new ArrayList<>();
        String previous = ChainHashes.GENESIS;
        for (int i = 1; i <= n; i++) {
            ChainedEvent event = event(i, "event " + i);
            previous = ChainHashes.chain(previous, event.entryHash());
            chain.add(new ChainEntry(i, (long) i, event.entryHash(), previous, event, false));
        }
        return chain;
    }

    static ChainedEvent event(long id, String detail) {
        return new ChainedEvent(
                id,
                "2026-11-27T08:00:00.000000Z",
                "node-a",
                "RECEIVE",
                "OK",
                "6f1c3f3e-0d1e-4c55-9f31-6d3c2b9a7e10",
                null,
                null,
                "MN-BORDER",
                null,
                "ab".repeat(32),
                detail);
    }

    private static ChainedEvent eventWithDetail(ChainedEvent event, String detail) {
        return new ChainedEvent(
                event.id(),
                event.occurredAt(),
                event.node(),
                event.step(),
                event.outcome(),
                event.exchangeId(),
                event.partnerId(),
                event.code(),
                event.actor(),
                event.actorCertificate(),
                event.digest(),
                detail);
    }

    private static ChainEntry withEvent(ChainEntry entry, ChainedEvent event) {
        return new ChainEntry(entry.seq(), event.id(), entry.entryHash(), entry.chainHash(), event, false);
    }
}
