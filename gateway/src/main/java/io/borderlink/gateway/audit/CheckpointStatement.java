package io.borderlink.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What a checkpoint signs: the chain's length (the sequence number of its last entry), its hash and the
 * time, as the JSON payload of a compact JWS made with the gateway's checkpoint key.
 */
record CheckpointStatement(long seq, String chainHash, Instant signedAt) {

    static final String TYPE = "borderlink-audit-checkpoint-v1";

    private static final ObjectMapper JSON = new ObjectMapper();

    byte[] json() {
        return ("{\"type\":\"" + TYPE + "\",\"seq\":" + seq + ",\"chainHash\":\"" + chainHash + "\",\"signedAt\":\""
                        + ChainedEvent.time(signedAt) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a verified payload; anything that is not a checkpoint statement is refused. */
    static CheckpointStatement parse(byte[] payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            if (node == null || !TYPE.equals(node.path("type").asText())) {
                throw new IllegalArgumentException("not a " + TYPE + " statement");
            }
            return new CheckpointStatement(
                    node.path("seq").asLong(),
                    node.path("chainHash").asText(),
                    Instant.parse(node.path("signedAt").asText()));
        } catch (IOException | DateTimeParseException e) {
            throw new IllegalArgumentException("checkpoint statement cannot be read: " + e.getMessage(), e);
        }
    }
}
