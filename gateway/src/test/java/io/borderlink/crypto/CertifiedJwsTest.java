package io.borderlink.crypto;

import static io.borderlink.crypto.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.CompressionAlgorithm;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.testkit.DevPki;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The statements that carry their signer's chain (receipts) sign with the algorithm of every other JWS the
 * gateway makes, whatever its key; and a JWE is refused before decryption when it asks for inflation. A receipt
 * signed by another JOSE implementation (jjwt), as a partner's would be, is verified against its own chain.
 */
class CertifiedJwsTest {

    private static final byte[] RECEIPT = "{\"exchangeId\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);

    private final CertifiedJws jws = new CertifiedJws(new JoseCrypto());

    @Test
    void signsWithEs384WhenTheGatewayKeyIsOnP384() throws Exception {
        SigningKey p384 = P384Keys.p384("p384-gateway");

        String signed = jws.sign(RECEIPT, p384);

        assertThat(JWSObject.parse(signed).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES384);
        assertThat(jws.verify(signed).payload()).isEqualTo(RECEIPT);
        assertThat(jws.verify(signed).signer()).isEqualTo(p384.certificate());
    }

    @Test
    void signsWithEs256OnP256AndPs256WithRsa() throws Exception {
        String byEc = jws.sign(RECEIPT, DevPki.key("gateway-ec"));
        String byRsa = jws.sign(RECEIPT, DevPki.key("gateway"));

        assertThat(JWSObject.parse(byEc).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(JWSObject.parse(byRsa).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.PS256);
        assertThat(jws.verify(byEc).payload()).isEqualTo(RECEIPT);
        assertThat(jws.verify(byRsa).payload()).isEqualTo(RECEIPT);
    }

    @Test
    void verifiesAReceiptSignedByAnIndependentJoseImplementation() {
        for (String partner : new String[] {"interpol-ncb", "kr-liaison"}) {
            SigningKey signer = DevPki.key(partner);
            String signed = Jwts.builder()
                    .header()
                    .x509Chain(List.of(signer.certificate()))
                    .and()
                    .content(RECEIPT, "application/json")
                    .signWith(
                            signer.privateKey(),
                            signer.certificate().getPublicKey() instanceof RSAPublicKey
                                    ? Jwts.SIG.PS256
                                    : Jwts.SIG.ES256)
                    .compact();

            CertifiedJws.Verified verified = jws.verify(signed);

            assertThat(verified.payload()).isEqualTo(RECEIPT);
            assertThat(verified.signer()).isEqualTo(signer.certificate());
        }
    }

    @Test
    void refusesACompressedJweBeforeDecryptingIt() throws Exception {
        SigningKey recipient = DevPki.key("gateway-enc");
        JWEObject compressed = new JWEObject(
                new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                        .compressionAlgorithm(CompressionAlgorithm.DEF)
                        .build(),
                new Payload(new byte[64 * 1024]));
        compressed.encrypt(
                new RSAEncrypter((RSAPublicKey) recipient.certificate().getPublicKey()));

        assertRefused(
                () -> new JoseCrypto().decrypt(compressed.serialize(), recipient.privateKey()),
                ErrorCode.ALGORITHM_NOT_ALLOWED);
    }
}
