package io.borderlink.crypto;

import java.security.Key;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.spec.ECParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Elliptic-curve keys: the curves the profile takes (P-256 and P-384) and the provider their operations
 * run on. Bouncy Castle signs, verifies and agrees keys on these curves many times faster than the JDK's
 * SunEC, so it is passed explicitly to every EC operation and never registered: AES-GCM, AES key wrap
 * and SHA-256 stay on the JDK's provider, which is faster there.
 */
final class EllipticCurves {

    static final Provider PROVIDER = new BouncyCastleProvider();

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
