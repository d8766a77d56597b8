package io.borderlink.crypto;

import static io.borderlink.crypto.Refusals.assertRefused;
import static io.borderlink.crypto.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.testkit.DevPki;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * JOSE with elliptic-curve keys, as the notice format uses it for a partner whose PKI is EC: ES256 (ES384
 * on P-384) signatures and ECDH-ES+A256KW with A256GCM, and nothing the message chooses.
 */
class JoseCryptoEllipticCurveTest {

    private static final byte[] NOTICE = "{\"notice\":\"missing person\"}".getBytes(StandardCharsets.UTF_8);

    private final JoseCrypto jose = new JoseCrypto();
    private final SigningKey gatewayEc = DevPki.key("gateway-ec");
    private final SigningKey partner = DevPki.key("kr-liaison");

    @Test
    void signsWithEs256AndEncryptsWithEcdhEsForAnEcRecipient() throws Exception {
        String jws = jose.sign(NOTICE, gatewayEc);
        String jwe = jose.encrypt(jws.getBytes(StandardCharsets.US_ASCII), partner.certificate());

        assertThat(JWSObject.parse(jws).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(JWEObject.parse(jwe).getHeader().getAlgorithm()).isEqualTo(JWEAlgorithm.ECDH_ES_A256KW);
        assertThat(JWEObject.parse(jwe).getHeader().getEncryptionMethod()).isEqualTo(EncryptionMethod.A256GCM);
        byte[] opened = jose.decrypt(jwe, partner.privateKey());
        assertThat(jose.verify(new String(opened, StandardCharsets.US_ASCII), gatewayEc.certificate()))
                .isEqualTo(NOTICE);
    }

    /** A JWS marking a header critical, or with an unencoded payload (b64), is refused before it is verified. */
    @Test
    void refusesACriticalHeaderOrAnUnencodedPayload() throws Exception {
        List<JWSHeader> headers = List.of(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .criticalParams(Set.of("exp"))
                        .customParam("exp", 1)
                        .build(),
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .base64URLEncodePayload(false)
                        .criticalParams(Set.of("b64"))
                        .build());
        for (JWSHeader header : headers) {
            JWSObject jws = new JWSObject(header, new Payload(NOTICE));
            jws.sign(JoseCrypto.KeySigner.of(gatewayEc.privateKey()).signer());
            String compact = jws.serialize();

            assertThatThrownBy(() -> jose.verify(compact, gatewayEc.certificate()))
                    .isInstanceOfSatisfying(
                            GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PROFILE_VIOLATION));
        }
    }

    @Test
    void signsWithEs384OnP384() throws Exception {
        SigningKey p384 = P384Keys.p384("p384-signer");

        String jws = jose.sign(NOTICE, p384);

        assertThat(JWSObject.parse(jws).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES384);
        assertThat(jose.verify(jws, p384.certificate())).isEqualTo(NOTICE);
    }

    @Test
    void verifiesWithTheCertificateTheSignatureNames() {
        var certificates = List.of(DevPki.certificate("gateway"), gatewayEc.certificate());

        assertThat(jose.verify(jose.sign(NOTICE, gatewayEc), certificates)).isEqualTo(NOTICE);
        assertThat(jose.verify(jose.sign(NOTICE, DevPki.key("gateway")), certificates))
                .isEqualTo(NOTICE);
        assertRefused(() -> jose.verify(jose.sign(NOTICE, partner), certificates), ErrorCode.SIGNATURE_INVALID);
    }

    @Test
    void refusesAnEs256SignatureByAnotherKey() {
        String byPartner = jose.sign(NOTICE, partner);

        assertRefused(() -> jose.verify(byPartner, gatewayEc.certificate()), ErrorCode.SIGNATURE_INVALID);
    }

    @Test
    void givesOneErrorForAWrongKeyAndForTamperedCiphertext() {
        String jwe = jose.encrypt(NOTICE, partner.certificate());
        String[] parts = jwe.split("\\.");
        parts[3] = (parts[3].charAt(0) == 'A' ? "B" : "A") + parts[3].substring(1);
        String tampered = String.join(".", parts);

        GatewayException byWrongKey =
                refusal(() -> jose.decrypt(jwe, DevPki.key("gateway-enc-ec").privateKey()));
        GatewayException byRsaKey =
                refusal(() -> jose.decrypt(jwe, DevPki.key("gateway-enc").privateKey()));
        GatewayException byTampering = refusal(() -> jose.decrypt(tampered, partner.privateKey()));

        assertThat(List.of(byWrongKey, byRsaKey, byTampering))
                .extracting(GatewayException::code)
                .containsOnly(ErrorCode.DECRYPTION_FAILED);
        assertThat(List.of(byWrongKey, byRsaKey, byTampering))
                .extracting(Throwable::getMessage)
                .containsOnly("decryption failed");
    }
}
