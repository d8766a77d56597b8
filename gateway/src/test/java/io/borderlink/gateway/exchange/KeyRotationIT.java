package io.borderlink.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.crypto.EnvelopeEncryption;
import io.borderlink.crypto.KeyEncryptionKeys;
import io.borderlink.gateway.audit.AuditTrail;
import io.borderlink.gateway.labels.LabelIntake;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.testkit.DevPki;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A key-encryption-key rotation without downtime: a node started with a store that holds the old key and a
 * new one, the new one current, reads every exchange's evidence at once, and its rewrap job moves the data
 * keys onto the new key a batch at a time (resuming where it stopped), auditing each batch.
 */
@TestPropertySource(
        properties = {
            "borderlink.retention.rules[0].id=test-liaison",
            "borderlink.retention.rules[0].when.partners[0]=RU-LIAISON",
            "borderlink.retention.rules[0].keep=0s",
            "borderlink.evidence.rewrap-interval=1h"
        })
class KeyRotationIT extends GatewayTestSupport {

    private static final String NEW_KEY = "kek-2";

    @Autowired
    JdbcClient database;

    @Autowired
    JdbcTemplate batches;

    @Autowired
    EnvelopeEncryption envelope;

    @Autowired
    AuditTrail audit;

    @Autowired
    EvidenceSettings settings;

    @Autowired
    LabelIntake labels;

    @Autowired
    Clock clock;

    @TempDir
    Path tmp;

    @Test
    void rewrapsEveryDataKeyWithTheNewKeyInResumableBatchesWhileEvidenceStaysReadable() throws Exception {
        List<UUID> exchanges = List.of(accepted(), accepted());
        KeyEncryptionKeys rotated =
                KeyEncryptionKeys.load("PKCS12", storeWithANewKey(), DevPki.PASSWORD.toCharArray(), NEW_KEY);
        DataKeys keys = new DataKeys(database, envelope, rotated, clock);
        EvidenceStore evidence = new EvidenceStore(database, batches, keys, envelope, labels);
        KeyRotation rotation = new KeyRotation(
                keys, rotated, new EvidenceSettings(settings.kek(), settings.rewrapInterval(), 1), audit);
        long older = keys.wrappedWithOlderKeys();
        assertThat(older).isGreaterThanOrEqualTo(2);

        for (UUID exchange : exchanges) {
            assertThat(evidence.signedOriginal(exchange).header().exchangeId()).isEqualTo(exchange);
        }
        assertThat(rotation.rewrap()).isEqualTo(1);
        assertThat(keys.wrappedWithOlderKeys()).isEqualTo(older - 1);
        while (rotation.rewrap() > 0) {
            assertThat(keys.wrappedWithOlderKeys()).isLessThan(older);
        }

        assertThat(keys.wrappedWithOlderKeys()).isZero();
        for (UUID exchange : exchanges) {
            assertThat(database.sql("SELECT kek_alias FROM exchange_key WHERE exchange_id = ?")
                            .param(exchange)
                            .query(String.class)
                            .single())
                    .isEqualTo(NEW_KEY);
            assertThat(evidence.signedOriginal(exchange).header().exchangeId()).isEqualTo(exchange);
        }
        List<String> rotations = database.sql("SELECT detail FROM audit_event WHERE step = 'KEY_ROTATION' ORDER BY id")
                .query(String.class)
                .list();
        assertThat(rotations).hasSize((int) older);
        assertThat(rotations.get(0)).startsWith("rewrapped 1 data keys from [dev-only-evidence-kek-1] to kek-2");
        assertThat(rotations.get(rotations.size() - 1)).endsWith("rotation complete");
    }

    /**
     * A data key under an alias the key store no longer holds cannot be rewrapped: the rotation moves every
     * other key and counts that one as left, rather than stopping at it.
     */
    @Test
    void aKeyUnderAnAliasTheStoreNoLongerHoldsIsCountedAndDoesNotHoldUpTheRest() throws Exception {
        UUID orphan = accepted();
        UUID other = accepted();
        String alias = database.sql("SELECT kek_alias FROM exchange_key WHERE exchange_id = ?")
                .param(orphan)
                .query(String.class)
                .single();
        database.sql("UPDATE exchange_key SET kek_alias = 'a-retired-kek' WHERE exchange_id = ?")
                .param(orphan)
                .update();
        KeyEncryptionKeys rotated =
                KeyEncryptionKeys.load("PKCS12", storeWithANewKey(), DevPki.PASSWORD.toCharArray(), NEW_KEY);
        DataKeys keys = new DataKeys(database, envelope, rotated, clock);
        KeyRotation rotation = new KeyRotation(
                keys, rotated, new EvidenceSettings(settings.kek(), settings.rewrapInterval(), 1000), audit);

        while (rotation.rewrap() > 0) {
            // every key the store can unwrap, batch after batch
        }

        assertThat(database.sql("SELECT kek_alias FROM exchange_key WHERE exchange_id = ?")
                        .param(other)
                        .query(String.class)
                        .single())
                .isEqualTo(NEW_KEY);
        assertThat(keys.wrappedWithOlderKeys()).isEqualTo(1);
        // Back under its real alias, so that the other tests of this class find every key rewrappable.
        database.sql("UPDATE exchange_key SET kek_alias = ? WHERE exchange_id = ?")
                .params(alias, orphan)
                .update();
    }

    private UUID accepted() {
        Exchange alert = fresh(Samples.vehicleAlertFromBorderPolice());
        assertThat(agency("mn-border").submit(protect(alert, "mn-border")).statusCode())
                .isEqualTo(202);
        UUID id = alert.header().exchangeId();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> database.sql("SELECT COUNT(*) FROM exchange_key WHERE exchange_id = ?")
                                .param(id)
                                .query(Long.class)
                                .single()
                        == 1);
        return id;
    }

    /** The development store with one more AES key: what an operator adds before switching the alias. */
    private Path storeWithANewKey() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(DevPki.file("evidence-kek.p12"))) {
            store.load(in, DevPki.PASSWORD.toCharArray());
        }
        KeyGenerator aes = KeyGenerator.getInstance("AES");
        aes.init(256);
        store.setEntry(
                NEW_KEY,
                new KeyStore.SecretKeyEntry(aes.generateKey()),
                new KeyStore.PasswordProtection(DevPki.PASSWORD.toCharArray()));
        Path rotated = tmp.resolve("evidence-kek-rotated.p12");
        try (OutputStream out = Files.newOutputStream(rotated)) {
            store.store(out, DevPki.PASSWORD.toCharArray());
        }
        return rotated;
    }
}
