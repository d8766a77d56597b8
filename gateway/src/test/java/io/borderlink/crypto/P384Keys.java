package io.borderlink.crypto;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A P-384 key with a self-signed certificate, made on the spot: certs-dev holds P-256 identities only, and
 * the unit tests of P-384 need no path to a root.
 */
final class P384Keys {

    private P384Keys() {}

    static SigningKey p384(String commonName) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp384r1"));
            KeyPair keys = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500Name("CN=" + commonName + ", OU=DEV ONLY");
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(new JcaX509v3CertificateBuilder(
                                    name,
                                    BigInteger.valueOf(now.toEpochMilli()),
                                    Date.from(now.minus(Duration.ofDays(1))),
                                    Date.from(now.plus(Duration.ofDays(1))),
                                    name,
                                    keys.getPublic())
                            .build(new JcaContentSignerBuilder("SHA384withECDSA").build(keys.getPrivate())));
            return new SigningKey(keys.getPrivate(), certificate, List.of(certificate));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a P-384 test key", e);
        }
    }
}
