package io.borderlink.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import org.junit.jupiter.api.Test;

/** Public keys go to Bouncy Castle once per encoding, so that what it precomputes for a point is reused. */
class EllipticCurvesTest {

    @Test
    void convertsTheSamePublicKeyOnceWhicheverObjectCarriesIt() throws GeneralSecurityException {
        PublicKey key = newKey();
        PublicKey again = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(key.getEncoded()));

        PublicKey converted = EllipticCurves.onProvider(key);

        assertThat(converted.getClass().getName()).startsWith("org.bouncycastle.");
        assertThat(converted.getEncoded()).isEqualTo(key.getEncoded());
        assertThat(EllipticCurves.onProvider(key)).isSameAs(converted);
        assertThat(EllipticCurves.onProvider(again)).isSameAs(converted);
    }

    @Test
    void keepsOnlyTheMostRecentlyUsedPublicKeys() throws GeneralSecurityException {
        PublicKey oldest = newKey();
        PublicKey converted = EllipticCurves.onProvider(oldest);

        for (int i = 0; i < EllipticCurves.PUBLIC_KEYS_KEPT; i++) {
            EllipticCurves.onProvider(newKey());
        }

        assertThat(EllipticCurves.onProvider(oldest)).isNotSameAs(converted).isEqualTo(converted);
    }

    private static PublicKey newKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair().getPublic();
    }
}
