package io.borderlink.gateway.exchange;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.crypto.EnvelopeEncryption;
import io.borderlink.crypto.KeyEncryptionKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each exchange's data key, kept only wrapped by a key-encryption key: created with the exchange's first
 * evidence, rewrapped after a rotation, destroyed when retention purges the exchange. The one writer of
 * {@code exchange_key}.
 */
@Component
public class DataKeys {

    private final JdbcClient jdbc;
    private final EnvelopeEncryption envelope;
    private final KeyEncryptionKeys keks;
    private final Clock clock;

    DataKeys(JdbcClient jdbc, EnvelopeEncryption envelope, KeyEncryptionKeys keks, Clock clock) {
        this.jdbc = jdbc;
        this.envelope = envelope;
        this.keks = keks;
        this.clock = clock;
    }

    /** The exchange's data key, made and stored (wrapped) on first use, in the caller's transaction. */
    SecretKey forWriting(UUID exchangeId) {
        return existing(exchangeId).orElseGet(() -> forNewExchange(exchangeId));
    }

    /** The exchange's data key; refused when it was destroyed (the exchange was purged). */
    SecretKey forReading(UUID exchangeId) {
        return existing(exchangeId)
                .orElseThrow(() -> new GatewayException(
                        ErrorCode.NOT_FOUND, "the data key of exchange " + exchangeId + " was destroyed"));
    }

    /** Crypto-shredding: without this row nothing sealed for the exchange can be opened again. */
    public boolean destroy(UUID exchangeId) {
        return jdbc.sql("DELETE FROM exchange_key WHERE exchange_id = ?")
                        .param(exchangeId)
                        .update()
                == 1;
    }

    /** How many data keys are still wrapped with another key than the current one. */
    public long wrappedWithOlderKeys() {
        return jdbc.sql("SELECT COUNT(*) FROM exchange_key WHERE kek_alias <> ?")
                .param(keks.current())
                .query(Long.class)
                .single();
    }

    /**
     * Rewraps up to {@code batch} data keys with the current key-encryption key; each update is conditional on
     * the alias it read, so two nodes (or a job restarted halfway) never undo each other. Answers the aliases
     * it moved keys off, one entry per key. It looks only for keys under the other aliases the key store
     * holds, by equality, which the index on {@code kek_alias} answers: "any alias but the current one" is a
     * condition no index answers, and read the whole table every turn. A key under an alias the store no
     * longer holds cannot be unwrapped anyway; it stays counted by {@link #wrappedWithOlderKeys}.
     */
    public List<String> rewrap(int batch) {
        List<Object> params = new ArrayList<>(keks.byAlias().keySet());
        params.remove(keks.current());
        if (params.isEmpty()) {
            return List.of();
        }
        String aliases = String.join(", ", Collections.nCopies(params.size(), "?"));
        params.add(batch);
        List<Wrapped> older = jdbc.sql(
                        "SELECT exchange_id, kek_alias, wrapped_key FROM exchange_key WHERE kek_alias IN (" + aliases
                                + ") FETCH FIRST ? ROWS ONLY")
                .params(params)
                .query((rs, row) -> new Wrapped(
                        rs.getObject("exchange_id", UUID.class), rs.getString("kek_alias"), rs.getBytes("wrapped_key")))
                .list();
        return older.stream()
                .filter(wrapped -> {
                    SecretKey key = unwrap(wrapped);
                    return jdbc.sql(
                                            """
                                            UPDATE exchange_key SET kek_alias = ?, wrapped_key = ?, rewrapped_at = ?
                                            WHERE exchange_id = ? AND kek_alias = ?""")
                                    .params(
                                            keks.current(),
                                            envelope.wrap(keks.currentKey(), key, context(wrapped.exchangeId())),
                                            clock.instant().atOffset(ZoneOffset.UTC),
                                            wrapped.exchangeId(),
                                            wrapped.alias())
                                    .update()
                            == 1;
                })
                .map(Wrapped::alias)
                .toList();
    }

    private Optional<SecretKey> existing(UUID exchangeId) {
        return jdbc.sql("SELECT kek_alias, wrapped_key FROM exchange_key WHERE exchange_id = ?")
                .param(exchangeId)
                .query((rs, row) -> new Wrapped(exchangeId, rs.getString("kek_alias"), rs.getBytes("wrapped_key")))
                .optional()
                .map(this::unwrap);
    }

    /** A data key for an exchange that has none yet, made and stored (wrapped) in the caller's transaction. */
    SecretKey forNewExchange(UUID exchangeId) {
        SecretKey key = envelope.newDataKey();
        jdbc.sql(
                        """
                        INSERT INTO exchange_key (exchange_id, kek_alias, wrapped_key, created_at)
                        VALUES (?, ?, ?, ?)""")
                .params(
                        exchangeId,
                        keks.current(),
                        envelope.wrap(keks.currentKey(), key, context(exchangeId)),
                        clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return key;
    }

    private SecretKey unwrap(Wrapped wrapped) {
        return envelope.unwrap(
                keks.find(wrapped.alias())
                        .orElseThrow(() -> new GatewayException(
                                ErrorCode.INTERNAL_ERROR,
                                "the key-encryption key " + wrapped.alias() + " is no longer in the key store")),
                wrapped.key(),
                context(wrapped.exchangeId()));
    }

    /** A wrapped key only unwraps for the exchange it was made for. */
    private static byte[] context(UUID exchangeId) {
        return ("borderlink data key " + exchangeId).getBytes(StandardCharsets.UTF_8);
    }

    private record Wrapped(UUID exchangeId, String alias, byte[] key) {}
}
