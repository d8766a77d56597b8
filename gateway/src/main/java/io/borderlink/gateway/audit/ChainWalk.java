package io.borderlink.gateway.audit;

import io.borderlink.gateway.audit.ChainProblem.Kind;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Recomputes the chain entry by entry from a trusted starting hash, for the database and for bundles
 * alike. The first entry that does not verify ends the walk, since nothing after it can be trusted; to
 * say what happened there, the walk looks at the entries just behind and ahead of it.
 */
final class ChainWalk {

    /** How far ahead a broken link is looked for its explanation (a swapped or displaced entry). */
    static final int WINDOW = 1000;

    /** How far back an entry may link from, for inserted entries whose hashes were recomputed. */
    private static final int HISTORY = 64;

    /** The entries after a sequence number, in order, up to a count. */
    interface Lookahead {
        List<ChainEntry> after(long seq, int count);
    }

    private final Lookahead lookahead;
    private final Deque<String> history = new ArrayDeque<>();
    private long expected;
    private String previous;
    private long verified;

    ChainWalk(long previousSeq, String previousHash, Lookahead lookahead) {
        this.lookahead = lookahead;
        this.expected = previousSeq + 1;
        this.previous = previousHash;
        history.push(previousHash);
    }

    /** Checks the next entry: empty when it verifies, otherwise the first problem of the chain. */
    Optional<ChainProblem> accept(ChainEntry entry) {
        if (entry.seq() != expected) {
            return Optional.of(gap(entry));
        }
        if (!ChainHashes.wellFormed(entry.entryHash()) || !ChainHashes.wellFormed(entry.chainHash())) {
            return problem(Kind.CHANGED, entry.seq(), "the hashes of entry " + entry.seq() + " are not SHA-256 hex");
        }
        if (!entry.redacted()) {
            if (entry.event() == null) {
                return problem(
                        Kind.MISSING,
                        entry.seq(),
                        "the event of entry " + entry.seq() + " (event id " + entry.eventId() + ") is gone");
            }
            String actual = entry.event().entryHash();
            if (!actual.equals(entry.entryHash())) {
                return Optional.of(changedEvent(entry, actual));
            }
        }
        String linked = ChainHashes.chain(previous, entry.entryHash());
        if (!linked.equals(entry.chainHash())) {
            return Optional.of(brokenLink(entry));
        }
        previous = linked;
        expected++;
        verified++;
        history.push(linked);
        if (history.size() > HISTORY + 1) {
            history.removeLast();
        }
        return Optional.empty();
    }

    /** The last entry that verified, or the starting point when none did. */
    long lastSeq() {
        return expected - 1;
    }

    String lastHash() {
        return previous;
    }

    long verified() {
        return verified;
    }

    private ChainProblem gap(ChainEntry entry) {
        if (entry.seq() > expected) {
            String which = entry.seq() == expected + 1
                    ? "entry " + expected + " is missing"
                    : "entries " + expected + " to " + (entry.seq() - 1) + " are missing";
            return new ChainProblem(
                    Kind.MISSING, expected, which + ": the chain goes from " + (expected - 1) + " to " + entry.seq());
        }
        return new ChainProblem(
                Kind.REORDERED, entry.seq(), "entry " + entry.seq() + " comes after entry " + (expected - 1));
    }

    private ChainProblem changedEvent(ChainEntry entry, String actual) {
        for (ChainEntry other : lookahead.after(entry.seq(), WINDOW)) {
            if (actual.equals(other.entryHash())) {
                return new ChainProblem(
                        Kind.REORDERED,
                        entry.seq(),
                        "entry " + entry.seq() + " holds the event chained as entry " + other.seq() + " (event id "
                                + entry.event().id() + "): events were swapped");
            }
        }
        return new ChainProblem(
                Kind.CHANGED,
                entry.seq(),
                "event id " + entry.event().id() + " (entry " + entry.seq()
                        + ") no longer matches the hash it was chained with: its fields were changed");
    }

    private ChainProblem brokenLink(ChainEntry entry) {
        long seq = entry.seq();
        // Entries slipped in with recomputed hashes verify; the first genuine entry after them does not.
        int back = 0;
        for (String older : history) {
            if (back > 0 && ChainHashes.chain(older, entry.entryHash()).equals(entry.chainHash())) {
                long first = seq - back;
                return new ChainProblem(
                        Kind.INSERTED,
                        first,
                        (back == 1 ? "entry " + first + " was" : "entries " + first + " to " + (seq - 1) + " were")
                                + " inserted: entry " + seq + " follows from entry " + (first - 1));
            }
            back++;
        }
        List<ChainEntry> ahead = lookahead.after(seq, WINDOW);
        for (ChainEntry successor : ahead) {
            if (links(previous, successor)) {
                for (ChainEntry earlier : ahead) {
                    if (links(earlier.chainHash(), entry)) {
                        return new ChainProblem(
                                Kind.REORDERED,
                                seq,
                                "entries were reordered: entry " + seq + " follows from entry " + earlier.seq()
                                        + ", and entry " + successor.seq() + " from entry " + (seq - 1));
                    }
                }
                return new ChainProblem(
                        Kind.INSERTED,
                        seq,
                        (successor.seq() == seq + 1
                                        ? "entry " + seq + " was"
                                        : "entries " + seq + " to " + (successor.seq() - 1) + " were")
                                + " inserted: entry " + successor.seq() + " follows from entry " + (seq - 1));
            }
        }
        if (!ahead.isEmpty() && ahead.get(0).seq() == seq + 1 && links(entry.chainHash(), ahead.get(0))) {
            return new ChainProblem(
                    Kind.MISSING,
                    seq,
                    "entry " + seq + " does not follow from entry " + (seq - 1)
                            + ": entries between them were removed and the rest renumbered");
        }
        return new ChainProblem(Kind.CHANGED, seq, "the chain hash of entry " + seq + " was changed");
    }

    private static boolean links(String previousHash, ChainEntry entry) {
        return ChainHashes.wellFormed(previousHash)
                && ChainHashes.wellFormed(entry.entryHash())
                && ChainHashes.chain(previousHash, entry.entryHash()).equals(entry.chainHash());
    }

    private static Optional<ChainProblem> problem(Kind kind, long seq, String detail) {
        return Optional.of(new ChainProblem(kind, seq, detail));
    }
}
