package io.borderlink.gateway.deadletter;

import java.time.OffsetDateTime;
import java.util.List;

/** One dead letter with its delivery history from the audit trail, oldest first. */
public record DeadLetterDetail(DeadLetter deadLetter, String state, List<HistoryEntry> history) {

    /** One audited delivery step of this share: an attempt, the dead-lettering, an administrator's action. */
    public record HistoryEntry(
            OffsetDateTime at, String step, String outcome, String code, String actor, String detail) {}
}
