package io.borderlink.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderlink.contracts.error.GatewayException;
import io.borderlink.testkit.DevPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class EnvelopeEncryptionTest {

    private static final byte[] MARKER = "grey truck at Altanbulag".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CONTEXT = "exchange 1 SIGNED_ORIGINAL".getBytes(StandardCharsets.UTF_8);

    private final EnvelopeEncryption envelope = new EnvelopeEncryption();
    private final KeyEncryptionKeys keks = KeyEncryptionKeys.load(
            "PKCS12", DevPki.file("evidence-kek.p12"), DevPki.PASSWORD.toCharArray(), "dev-only-evidence-kek-1");

    @Test
    void sealedValueOpensWithItsKeyAndContextAndHidesThePlaintext() {
        SecretKey key = envelope.newDataKey();

        byte[] sealed = envelope.seal(key, MARKER, CONTEXT);

        assertThat(indexOf(sealed, MARKER)).isNegative();
        assertThat(envelope.open(key, sealed, CONTEXT)).isEqualTo(MARKER);
    }

    @Test
    void sealedValueRefusesAnotherContextAnotherKeyAndAnyChange() {
        SecretKey key = envelope.newDataKey();
        byte[] sealed = envelope.seal(key, MARKER, CONTEXT);
        byte[] changed = sealed.clone();
        changed[changed.length - 1] ^= 1;

        assertThatThrownBy(() -> envelope.open(key, sealed, "exchange 2".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(GatewayException.class);
        assertThatThrownBy(() -> envelope.open(envelope.newDataKey(), sealed, CONTEXT))
                .isInstanceOf(GatewayException.class);
        assertThatThrownBy(() -> envelope.open(key, changed, CONTEXT)).isInstanceOf(GatewayException.class);
    }

    @Test
    void dataKeyWrappedWithTheKeyEncryptionKeyUnwrapsOnlyForItsExchange() {
        SecretKey key = envelope.newDataKey();

        byte[] wrapped = envelope.wrap(keks.currentKey(), key, CONTEXT);

        assertThat(envelope.unwrap(keks.currentKey(), wrapped, CONTEXT).getEncoded())
                .isEqualTo(key.getEncoded());
        assertThat(indexOf(wrapped, key.getEncoded())).isNegative();
        assertThatThrownBy(() -> envelope.unwrap(keks.currentKey(), wrapped, MARKER))
                .isInstanceOf(GatewayException.class);
    }

    @Test
    void keyStoreWithoutTheConfiguredAliasIsRefused() {
        Path store = DevPki.file("evidence-kek.p12");

        assertThatThrownBy(() -> KeyEncryptionKeys.load("PKCS12", store, DevPki.PASSWORD.toCharArray(), "kek-9"))
                .hasMessageContaining("kek-9")
                .hasMessageContaining("dev-only-evidence-kek-1");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
