package io.borderlink.gateway.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of verifying the chain in the database.
 *
 * @param intact nothing wrong was found
 * @param from the first entry examined: 1, or the one after the checkpoint the walk started from
 * @param verifiedTo the last entry whose event and link verified
 * @param entries how many entries verified
 * @param chainEnd the last entry in the table
 * @param firstProblem the first bad entry and why, or null
 * @param problems everything found, the first bad entry first; events never chained come last
 * @param checkpointsChecked checkpoints whose signature and hash were checked against the chain
 * @param latestCheckpoint the newest checkpoint: what the chain is provable up to
 * @param pending events recorded but not yet chained (normally chained within a second)
 */
public record ChainReport(
        boolean intact,
        long from,
        long verifiedTo,
        long entries,
        long chainEnd,
        ChainProblem firstProblem,
        List<ChainProblem> problems,
        int checkpointsChecked,
        Checkpoint latestCheckpoint,
        long pending,
        Instant verifiedAt,
        Duration took) {}
