package io.borderlink.crypto;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption at rest: documents are sealed with AES-256-GCM under a data key, and the data key is wrapped
 * with AES-256-GCM under a key-encryption key that never leaves its key store (a PKCS#12 file, or an HSM
 * through PKCS#11, where the cipher runs inside the HSM). Both carry associated data naming what they
 * belong to, so a sealed row moved to another exchange or kind does not open.
 *
 * <p>A sealed value is {@code 0x01 ‖ 12-byte IV ‖ ciphertext ‖ 16-byte tag}; the leading version byte lets
 * a later scheme live beside this one.
 */
public final class EnvelopeEncryption {

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();

    /** A fresh AES-256 data key, generated in software so that it can be wrapped. */
    public SecretKey newDataKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is missing from this JDK", e);
        }
    }

    /** Encrypts and authenticates the plaintext, bound to {@code context}. */
    public byte[] seal(Key key, byte[] plaintext, byte[] context) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context);
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + IV_BYTES + ciphertext.length)
                    .put(VERSION)
                    .put(iv)
                    .put(ciphertext)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new GatewayException(ErrorCode.INTERNAL_ERROR, "cannot encrypt: " + e.getMessage(), e);
        }
    }

    /** Decrypts what {@link #seal} made with the same key and context; anything else is refused. */
    public byte[] open(Key key, byte[] sealed, byte[] context) {
        if (sealed.length < 1 + IV_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new GatewayException(ErrorCode.INTERNAL_ERROR, "not a sealed value of a known version");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    key,
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(sealed, 1, 1 + IV_BYTES)));
            cipher.updateAAD(context);
            return cipher.doFinal(sealed, 1 + IV_BYTES, sealed.length - 1 - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new GatewayException(
                    ErrorCode.INTERNAL_ERROR, "cannot decrypt: wrong key, context, or damaged value", e);
        }
    }

    /** The data key encrypted under the key-encryption key (which may be an HSM handle). */
    public byte[] wrap(Key keyEncryptionKey, SecretKey dataKey, byte[] context) {
        return seal(keyEncryptionKey, dataKey.getEncoded(), context);
    }

    public SecretKey unwrap(Key keyEncryptionKey, byte[] wrapped, byte[] context) {
        byte[] raw = open(keyEncryptionKey, wrapped, context);
        try {
            return new SecretKeySpec(raw, "AES");
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }
}
