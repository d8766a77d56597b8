package io.borderlink.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.util.Base64;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A compact JWS that carries its signer's certificate chain ({@code x5c}), for statements checked by
 * someone who does not know the signer in advance: receipts, verified later offline against roots of the
 * verifier's choosing. Verification itself is {@link JoseCrypto#verify}, with its pinned algorithms.
 */
public final class CertifiedJws {

    private final JoseCrypto jose;

    /**
     * The protected header of each signing certificate, built and encoded once: it never changes for a key,
     * and encoding its x5c chain anew (nimbus's constant-time Base64) cost a tenth of the gateway's CPU under
     * load when every acceptance receipt did it. Parsed back from its encoding so that nimbus keeps and reuses
     * the encoded form.
     */
    private final Map<X509Certificate, JWSHeader> headers = new ConcurrentHashMap<>();

    public CertifiedJws(JoseCrypto jose) {
        this.jose = jose;
    }

    /** What a verified JWS says, and who signed it (whose path the caller still has to validate). */
    public record Verified(byte[] payload, X509Certificate signer, List<X509Certificate> chain) {}

    public String sign(byte[] payload, SigningKey key) {
        try {
            JWSObject jws =
                    new JWSObject(headers.computeIfAbsent(key.certificate(), c -> header(key)), new Payload(payload));
            jws.sign(JoseCrypto.KeySigner.of(key.privateKey()).signer());
            return jws.serialize();
        } catch (JOSEException e) {
            throw new GatewayException(ErrorCode.INTERNAL_ERROR, "statement could not be signed", e);
        }
    }

    private static JWSHeader header(SigningKey key) {
        try {
            List<Base64> chain = new ArrayList<>();
            for (X509Certificate certificate : key.chain()) {
                chain.add(Base64.encode(certificate.getEncoded()));
            }
            JWSHeader header = new JWSHeader.Builder(JoseCrypto.KeySigner.algorithm(key.privateKey()))
                    .x509CertChain(chain)
                    .x509CertSHA256Thumbprint(JoseCrypto.thumbprint(key.certificate()))
                    .build();
            return JWSHeader.parse(header.toBase64URL());
        } catch (CertificateEncodingException | ParseException e) {
            throw new GatewayException(ErrorCode.INTERNAL_ERROR, "statement could not be signed", e);
        }
    }

    /** Verifies the JWS with the first certificate of its own {@code x5c}. */
    public Verified verify(String compact) {
        List<X509Certificate> chain;
        try {
            List<Base64> encoded = JWSObject.parse(compact).getHeader().getX509CertChain();
            if (encoded == null || encoded.isEmpty()) {
                throw new GatewayException(ErrorCode.SIGNATURE_INVALID, "the JWS carries no certificate (x5c)");
            }
            chain = encoded.stream().map(b -> Certificates.parse(b.decode())).toList();
        } catch (ParseException e) {
            throw new GatewayException(ErrorCode.SIGNATURE_INVALID, "not a compact JWS: " + e.getMessage(), e);
        }
        return new Verified(jose.verify(compact, chain.get(0)), chain.get(0), chain);
    }
}
