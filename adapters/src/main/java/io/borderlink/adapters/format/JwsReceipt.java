package io.borderlink.adapters.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A receipt that is the whole answer: a compact JWS ({@code application/jose}) over
 * {@code {"messageId", "receivedDigest", "receivedAt"}}.
 */
public final class JwsReceipt implements ReceiptFormat {

    public static final String MEDIA_TYPE = "application/jose";

    private static final ObjectMapper JSON = PartnerJson.mapper();
    private static final Pattern COMPACT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    @Override
    public Signature signature() {
        return Signature.JWS;
    }

    @Override
    public Optional<byte[]> find(byte[] answer) {
        String text = new String(answer, StandardCharsets.US_ASCII).strip();
        return COMPACT.matcher(text).matches()
                ? Optional.of(text.getBytes(StandardCharsets.US_ASCII))
                : Optional.empty();
    }

    @Override
    public Claims claims(byte[] payload) {
        try {
            JsonNode statement = JSON.readTree(payload);
            return new Claims(
                    required(statement, "messageId"),
                    required(statement, "receivedDigest"),
                    Instant.parse(required(statement, "receivedAt")));
        } catch (IOException | DateTimeParseException e) {
            throw new GatewayException(ErrorCode.RECEIPT_INVALID, "the receipt is not the expected JSON", e);
        }
    }

    @Override
    public byte[] statement(Claims claims) {
        return JSON.createObjectNode()
                .put("messageId", claims.messageId())
                .put("receivedDigest", claims.receivedDigest())
                .put("receivedAt", claims.receivedAt().toString())
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Answer answer(byte[] signedReceipt, Claims claims) {
        return new Answer(MEDIA_TYPE, signedReceipt);
    }

    private static String required(JsonNode statement, String field) {
        JsonNode value = statement.get(field);
        if (value == null || !value.isTextual()) {
            throw new GatewayException(ErrorCode.RECEIPT_INVALID, "the receipt has no " + field);
        }
        return value.asText();
    }
}
