package io.borderlink.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The canonical encoding is what auditors re-implement: its hashes are pinned to values computed outside Java. */
class ChainedEventTest {

    @Test
    void hashesTheCanonicalEncodingAsDocumented() {
        ChainedEvent event = ChainWalkTest.event(1, "event 1");

        // Python: sha256 over "borderlink-audit-entry-v1" and the fields, each 4-byte length + UTF-8, null FFFFFFFF.
        assertThat(event.entryHash()).isEqualTo("19c20abbd7c7ee8055a075cc734fdc613e6b0197c6e9033c0fb1fbbf2c767e5c");
        assertThat(ChainHashes.chain(ChainHashes.GENESIS, event.entryHash()))
                .isEqualTo("b3b4bd1b55af777c0d5970553dee9fa1b5d216bb50a4f36e66315a537b8f74da");
    }

    @Test
    void tellsAnAbsentFieldFromAnEmptyOne() {
        ChainedEvent absent = ChainWalkTest.event(1, null);
        ChainedEvent empty = ChainWalkTest.event(1, "");

        assertThat(absent.entryHash()).isNotEqualTo(empty.entryHash());
    }

    @Test
    void keepsMicrosecondsInUtc() {
        assertThat(ChainedEvent.time(Instant.parse("2026-11-27T09:00:00.123456789+01:00")))
                .isEqualTo("2026-11-27T08:00:00.123456Z");
    }

    @Test
    void readsBackTheCheckpointStatementItSigns() {
        CheckpointStatement statement =
                new CheckpointStatement(42, "ab".repeat(32), Instant.parse("2026-11-27T08:00:00.123456Z"));

        assertThat(CheckpointStatement.parse(statement.json())).isEqualTo(statement);
    }
}
