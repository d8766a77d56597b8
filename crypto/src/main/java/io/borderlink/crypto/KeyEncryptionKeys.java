package io.borderlink.crypto;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.SecretKey;

/**
 * The AES key-encryption keys of one key store, by alias, and the one new data keys are wrapped with.
 * Every older key stays in the store (and here) until nothing is wrapped with it any more, so a rotation
 * needs no downtime: nodes that still wrap with the old key and nodes that wrap with the new one can both
 * unwrap everything.
 *
 * @param current the alias new data keys are wrapped with
 */
public record KeyEncryptionKeys(String current, Map<String, Key> byAlias) {

    public KeyEncryptionKeys {
        byAlias = Collections.unmodifiableMap(new TreeMap<>(byAlias));
        if (!byAlias.containsKey(current)) {
            throw new IllegalStateException(
                    "no key-encryption key under alias " + current + "; the store has " + byAlias.keySet());
        }
    }

    public Key currentKey() {
        return byAlias.get(current);
    }

    public Optional<Key> find(String alias) {
        return Optional.ofNullable(byAlias.get(alias));
    }

    /**
     * Loads every AES secret-key entry of a PKCS#12 file, or of an HSM token when {@code type} is
     * {@code PKCS11} ({@code location} is then the SunPKCS11 provider configuration file and the password
     * the token's PIN).
     */
    public static KeyEncryptionKeys load(String type, Path location, char[] password, String current) {
        try {
            KeyStore store;
            if ("PKCS11".equalsIgnoreCase(type)) {
                Provider provider = Security.getProvider("SunPKCS11").configure(location.toString());
                Security.addProvider(provider);
                store = KeyStore.getInstance("PKCS11", provider);
                store.load(null, password);
            } else {
                store = KeyStore.getInstance(type);
                try (InputStream in = Files.newInputStream(location)) {
                    store.load(in, password);
                }
            }
            Map<String, Key> keys = new TreeMap<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getKey(alias, password) instanceof SecretKey key) {
                    keys.put(alias, key);
                }
            }
            return new KeyEncryptionKeys(current, keys);
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "cannot read the key-encryption key store " + location + ": " + e.getMessage(), e);
        }
    }
}
