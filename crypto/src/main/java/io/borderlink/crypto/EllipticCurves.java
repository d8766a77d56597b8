package io.borderlink.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Elliptic-curve keys: the curves the profile takes (P-256 and P-384) and the provider their operations
 * run on. Bouncy Castle signs, verifies and agrees keys on these curves many times faster than the JDK's
 * SunEC, so it is passed explicitly to every EC operation and never registered: AES-GCM, AES key wrap
 * and SHA-256 stay on the JDK's provider, which is faster there.
 *
 * <p>Keys go to Bouncy Castle as its own, re-read from their encoding ({@link #onProvider}): handed a JDK
 * key, it rebuilds the curve's base point for every operation and with it the precomputed multiples that
 * make it fast; its own keys name the curve, whose base point and tables it keeps.
 */
final class EllipticCurves {

    static final Provider PROVIDER = new BouncyCastleProvider();

    /** The few long-lived private keys (the gateway's, an agency's in the tools), converted once each. */
    private static final Map<PrivateKey, PrivateKey> PRIVATE_KEYS = new ConcurrentHashMap<>();

    static final int PUBLIC_KEYS_KEPT = 256;

    /** Public keys by encoding, least recently used first. */
    private static final Map<ByteBuffer, PublicKey> PUBLIC_KEYS = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, PublicKey> eldest) {
            return size() > PUBLIC_KEYS_KEPT;
        }
    };

    private EllipticCurves() {}

    static boolean isEc(Key key) {
        return key instanceof ECKey;
    }

    static boolean isEc(X509Certificate certificate) {
        return isEc(certificate.getPublicKey());
    }

    /** Field size in bits: 256 for P-256, 384 for P-384. */
    static int bits(ECKey key) {
        return key.getParams().getCurve().getField().getFieldSize();
    }

    /** ECDSA with the hash that matches the curve's strength: SHA-256 on P-256, SHA-384 on P-384. */
    static String xmlSignatureMethod(ECKey key) {
        return bits(key) > 256 ? XmlAlgorithms.ECDSA_SHA384 : XmlAlgorithms.ECDSA_SHA256;
    }

    /** The private key as Bouncy Castle's own, converted once per key. */
    static PrivateKey onProvider(PrivateKey key) {
        if (key.getClass().getName().startsWith("org.bouncycastle.")) {
            return key;
        }
        return PRIVATE_KEYS.computeIfAbsent(key, k -> {
            try {
                return KeyFactory.getInstance("EC", PROVIDER).generatePrivate(new PKCS8EncodedKeySpec(k.getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("not an EC private key Bouncy Castle reads", e);
            }
        });
    }

    /**
     * The public key as Bouncy Castle's own, the same instance for the same encoding while it is among the
     * last {@value #PUBLIC_KEYS_KEPT} seen: Bouncy Castle keeps the precomputed multiples of a point on the
     * point, so an agency's or partner's key that signs or is agreed with again and again is prepared once,
     * not for every document. Keyed by the encoding alone, so a key from a certificate that later fails its
     * path validation is only ever that key; bounded, so a flood of new keys only evicts older ones.
     */
    static PublicKey onProvider(PublicKey key) {
        if (key.getClass().getName().startsWith("org.bouncycastle.")) {
            return key;
        }
        ByteBuffer encoded = ByteBuffer.wrap(key.getEncoded());
        synchronized (PUBLIC_KEYS) {
            PublicKey known = PUBLIC_KEYS.get(encoded);
            if (known != null) {
                return known;
            }
        }
        PublicKey converted;
        try {
            converted = KeyFactory.getInstance("EC", PROVIDER).generatePublic(new X509EncodedKeySpec(encoded.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an EC public key Bouncy Castle reads", e);
        }
        synchronized (PUBLIC_KEYS) {
            PUBLIC_KEYS.putIfAbsent(encoded, converted);
        }
        return converted;
    }

    /** Whether both keys lie on the same curve; key agreement across curves is never attempted. */
    static boolean sameCurve(ECKey a, ECKey b) {
        ECParameterSpec x = a.getParams();
        ECParameterSpec y = b.getParams();
        return x.getCurve().equals(y.getCurve())
                && x.getGenerator().equals(y.getGenerator())
                && x.getOrder().equals(y.getOrder())
                && x.getCofactor() == y.getCofactor();
    }
}
