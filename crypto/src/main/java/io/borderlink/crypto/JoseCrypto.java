package io.borderlink.crypto;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.List;
import java.util.Set;

/**
 * JOSE for JSON: the gateway's signed statements (approvals) and, for JSON partners, a JWS nested in a
 * JWE. Algorithms are pinned by key type — PS256, or ES256 on P-256 and ES384 on P-384, to sign;
 * RSA-OAEP-256 or ECDH-ES+A256KW with A256GCM to encrypt — and a receiver accepts nothing else: no
 * {@code none}, no HMAC, no RSA1_5, no algorithm chosen by the message (RFC 8725). EC signatures, the
 * ephemeral key and the agreement run on Bouncy Castle; AES-GCM stays on the JDK.
 */
public final class JoseCrypto {

    private static final Set<JWSAlgorithm> ACCEPTED =
            Set.of(JWSAlgorithm.PS256, JWSAlgorithm.ES256, JWSAlgorithm.ES384);
    private static final Set<JWEAlgorithm> KEY_MANAGEMENT =
            Set.of(JWEAlgorithm.RSA_OAEP_256, JWEAlgorithm.ECDH_ES_A256KW);

    /** A compact JWS over the payload, naming the signing certificate by its SHA-256 thumbprint. */
    public String sign(byte[] payload, SigningKey key) {
        try {
            KeySigner signer = KeySigner.of(key.privateKey());
            JWSHeader header = new JWSHeader.Builder(signer.algorithm())
                    .x509CertSHA256Thumbprint(thumbprint(key.certificate()))
                    .build();
            JWSObject jws = new JWSObject(header, new Payload(payload));
            jws.sign(signer.signer());
            return jws.serialize();
        } catch (JOSEException e) {
            throw new GatewayException(ErrorCode.INTERNAL_ERROR, "statement could not be signed", e);
        }
    }

    /** The one choice of signing algorithm by key, for every JWS the gateway makes. */
    record KeySigner(JWSAlgorithm algorithm, JWSSigner signer) {

        static KeySigner of(PrivateKey key) throws JOSEException {
            if (key instanceof ECPrivateKey ec) {
                JWSSigner signer = new ECDSASigner((ECPrivateKey) EllipticCurves.onProvider(ec));
                signer.getJCAContext().setProvider(EllipticCurves.PROVIDER);
                return new KeySigner(algorithm(key), signer);
            }
            return new KeySigner(JWSAlgorithm.PS256, new RSASSASigner(key));
        }

        /** PS256 for RSA, ES256 on P-256 and ES384 on P-384. */
        static JWSAlgorithm algorithm(PrivateKey key) {
            if (key instanceof ECPrivateKey ec) {
                return EllipticCurves.bits(ec) > 256 ? JWSAlgorithm.ES384 : JWSAlgorithm.ES256;
            }
            return JWSAlgorithm.PS256;
        }
    }

    /**
     * Verifies a compact JWS signed by one of the given certificates, the one its {@code x5t#S256} header
     * names (a signer with an RSA and an EC key signs each recipient with the key it reads).
     */
    public byte[] verify(String compact, List<X509Certificate> certificates) {
        Base64URL named;
        try {
            named = JWSObject.parse(compact).getHeader().getX509CertSHA256Thumbprint();
        } catch (ParseException e) {
            throw new GatewayException(ErrorCode.SIGNATURE_INVALID, "JWS cannot be parsed: " + e.getMessage(), e);
        }
        X509Certificate signer = certificates.stream()
                .filter(c -> thumbprint(c).equals(named))
                .findFirst()
                .orElseThrow(() -> new GatewayException(
                        ErrorCode.SIGNATURE_INVALID, "the JWS names none of the expected certificates"));
        return verify(compact, signer);
    }

    /** Verifies a compact JWS made by {@link #sign} with the given certificate's key and returns the payload. */
    public byte[] verify(String compact, X509Certificate certificate) {
        KeyUsages.requireSigning(certificate);
        try {
            JWSObject jws = JWSObject.parse(compact);
            // Nothing the gateway reads marks a header critical or sends its payload unencoded; a JWS that does
            // asks the verifier to understand what it does not, so it is refused, not left to the library's defaults.
            if (jws.getHeader().getCriticalParams() != null || !jws.getHeader().isBase64URLEncodePayload()) {
                throw new GatewayException(
                        ErrorCode.PROFILE_VIOLATION, "JWS with a critical header or an unencoded payload (crit, b64)");
            }
            if (!ACCEPTED.contains(jws.getHeader().getAlgorithm())) {
                throw new GatewayException(
                        ErrorCode.ALGORITHM_NOT_ALLOWED,
                        "JWS algorithm not allowed: " + jws.getHeader().getAlgorithm());
            }
            JWSVerifier verifier;
            if (certificate.getPublicKey() instanceof ECPublicKey ec) {
                verifier = new ECDSAVerifier((ECPublicKey) EllipticCurves.onProvider(ec));
                verifier.getJCAContext().setProvider(EllipticCurves.PROVIDER);
            } else {
                verifier = new RSASSAVerifier((RSAPublicKey) certificate.getPublicKey());
            }
            if (!verifier.supportedJWSAlgorithms().contains(jws.getHeader().getAlgorithm()) || !jws.verify(verifier)) {
                throw new GatewayException(ErrorCode.SIGNATURE_INVALID, "JWS signature does not verify");
            }
            return jws.getPayload().toBytes();
        } catch (ParseException | JOSEException e) {
            throw new GatewayException(ErrorCode.SIGNATURE_INVALID, "JWS cannot be verified: " + e.getMessage(), e);
        }
    }

    /**
     * A compact JWE of the content for the recipient's certificate, content type {@code JOSE} when the
     * content is itself a JWS.
     */
    public String encrypt(byte[] content, X509Certificate recipient) {
        KeyUsages.requireEncryption(recipient);
        try {
            boolean ec = recipient.getPublicKey() instanceof ECPublicKey;
            JWEHeader header = new JWEHeader.Builder(
                            ec ? JWEAlgorithm.ECDH_ES_A256KW : JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                    .contentType("JOSE")
                    .x509CertSHA256Thumbprint(thumbprint(recipient))
                    .build();
            JWEObject jwe = new JWEObject(header, new Payload(content));
            if (ec) {
                ECDHEncrypter encrypter =
                        new ECDHEncrypter((ECPublicKey) EllipticCurves.onProvider(recipient.getPublicKey()));
                encrypter.getJCAContext().setKeyEncryptionProvider(EllipticCurves.PROVIDER);
                jwe.encrypt(encrypter);
            } else {
                jwe.encrypt(new RSAEncrypter((RSAPublicKey) recipient.getPublicKey()));
            }
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new GatewayException(ErrorCode.INTERNAL_ERROR, "content could not be encrypted", e);
        }
    }

    /**
     * Decrypts a compact JWE made for our key; every failure is the same {@code DECRYPTION_FAILED}. Algorithms
     * other than ours and compressed content are refused before any key is used.
     */
    public byte[] decrypt(String compact, PrivateKey key) {
        try {
            JWEObject jwe = JWEObject.parse(compact);
            if (!KEY_MANAGEMENT.contains(jwe.getHeader().getAlgorithm())
                    || !EncryptionMethod.A256GCM.equals(jwe.getHeader().getEncryptionMethod())) {
                throw new GatewayException(
                        ErrorCode.ALGORITHM_NOT_ALLOWED,
                        "JWE algorithms not allowed: " + jwe.getHeader().getAlgorithm() + " "
                                + jwe.getHeader().getEncryptionMethod());
            }
            if (jwe.getHeader().getCompressionAlgorithm() != null) {
                // Inflating what anyone can encrypt to our public key, before any signature is checked, is a
                // memory bomb: nothing the gateway exchanges is compressed.
                throw new GatewayException(
                        ErrorCode.ALGORITHM_NOT_ALLOWED,
                        "JWE compression not allowed: " + jwe.getHeader().getCompressionAlgorithm());
            }
            if (key instanceof ECPrivateKey ec) {
                ECDHDecrypter decrypter = new ECDHDecrypter((ECPrivateKey) EllipticCurves.onProvider(ec));
                decrypter.getJCAContext().setKeyEncryptionProvider(EllipticCurves.PROVIDER);
                jwe.decrypt(decrypter);
            } else {
                jwe.decrypt(new RSADecrypter(key));
            }
            return jwe.getPayload().toBytes();
        } catch (ParseException | JOSEException e) {
            throw new GatewayException(ErrorCode.DECRYPTION_FAILED, "decryption failed", e);
        }
    }

    static Base64URL thumbprint(X509Certificate certificate) {
        try {
            return Base64URL.encode(
                    java.security.MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot take the thumbprint of a certificate", e);
        }
    }
}
