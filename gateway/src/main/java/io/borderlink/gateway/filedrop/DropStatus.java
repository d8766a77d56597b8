package io.borderlink.gateway.filedrop;

import java.time.Instant;
import java.util.List;

/** Where the file-drop sequences stand, for the health endpoint, the console and the audit trail. */
public final class DropStatus {

    private DropStatus() {}

    /** Numbers {@code from} to {@code to}, both included. */
    public record Range(long from, long to) {
        @Override
        public String toString() {
            return from == to ? Long.toString(from) : from + "-" + to;
        }
    }

    public record Quarantined(long sequence, String code, Instant at) {}

    /**
     * A sender's files: the highest number that arrived, the highest its manifests announced, the numbers missing
     * below either, and those that arrived but were quarantined.
     */
    public record Incoming(
            String senderId, long arrived, long announced, List<Range> missing, List<Quarantined> quarantined) {

        public boolean complete() {
            return missing.isEmpty() && quarantined.isEmpty();
        }
    }

    /** A recipient's files: the last number written to its export folder, and the last a signed manifest lists. */
    public record Outgoing(String recipientId, long written, long listed) {}
}
