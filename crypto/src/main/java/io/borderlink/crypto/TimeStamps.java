package io.borderlink.crypto;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * RFC 3161 time-stamps over SHA-256 digests: a client for one time-stamping authority, and the check of
 * a token that needs nothing but the token, the data and the certificates trusted for the TSA. A token
 * counts only when its signer is the trusted TSA certificate or was issued by it, carries the critical
 * timeStamping extended key usage and was valid at the time it states (Bouncy Castle's
 * {@code TimeStampToken.validate}), and when it covers exactly the data.
 */
public final class TimeStamps {

    private static final String QUERY = "application/timestamp-query";
    private static final String REPLY = "application/timestamp-reply";

    private final URI tsa;
    private final List<X509Certificate> trusted;
    private final Duration timeout;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    public TimeStamps(URI tsa, X509Certificate trusted, Duration timeout) {
        this.tsa = tsa;
        this.trusted = List.of(trusted);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** A verified time-stamp: the DER token, the time the TSA states and who signed it. */
    public record TimeStamp(byte[] token, Instant time, String tsa) {}

    /**
     * Asks the TSA to time-stamp the data's SHA-256, with a fresh nonce and the TSA's certificate
     * requested, and returns the token only after the response was checked against the request (status,
     * nonce, digest, algorithm) and the token against the trusted certificate.
     */
    public TimeStamp stamp(byte[] data) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256(data), new BigInteger(64, random));
        TimeStampResponse response;
        try {
            HttpResponse<byte[]> answer = http.send(
                    HttpRequest.newBuilder(tsa)
                            .timeout(timeout)
                            .header("Content-Type", QUERY)
                            .header("Accept", REPLY)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw unavailable("the time-stamping authority answered HTTP " + answer.statusCode(), null);
            }
            response = new TimeStampResponse(answer.body());
        } catch (IOException | TSPException e) {
            throw unavailable("no time-stamp from " + tsa + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while waiting for the time-stamping authority", e);
        }
        if (response.getTimeStampToken() == null) {
            throw unavailable(
                    "the time-stamping authority refused: status " + response.getStatus() + " "
                            + response.getStatusString(),
                    null);
        }
        try {
            response.validate(request);
            return verify(response.getTimeStampToken().getEncoded(), data, trusted);
        } catch (TSPException | IOException e) {
            throw invalid("the time-stamp does not answer the request: " + e.getMessage(), e);
        }
    }

    /**
     * Checks a DER time-stamp token over the data against the certificates trusted for the TSA; with none
     * given, against the certificate the token carries, which shows the token is intact but not whose it is.
     */
    public static TimeStamp verify(byte[] token, byte[] data, Collection<X509Certificate> trusted) {
        try {
            TimeStampToken parsed = new TimeStampToken(new CMSSignedData(token));
            if (!TSPAlgorithms.SHA256.equals(parsed.getTimeStampInfo().getMessageImprintAlgOID())
                    || !MessageDigest.isEqual(
                            sha256(data), parsed.getTimeStampInfo().getMessageImprintDigest())) {
                throw invalid("the time-stamp covers other data", null);
            }
            X509Certificate signer = signer(parsed);
            if (!trusted.isEmpty() && trusted.stream().noneMatch(anchor -> vouchesFor(anchor, signer))) {
                throw invalid(
                        "the time-stamp is signed by "
                                + signer.getSubjectX500Principal().getName()
                                + ", which is not the trusted time-stamping authority",
                        null);
            }
            parsed.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
            return new TimeStamp(
                    token,
                    parsed.getTimeStampInfo().getGenTime().toInstant(),
                    signer.getSubjectX500Principal().getName());
        } catch (CMSException | TSPException | IOException | OperatorCreationException | CertificateException e) {
            throw invalid("the time-stamp does not verify: " + e.getMessage(), e);
        }
    }

    private static X509Certificate signer(TimeStampToken token) throws CertificateException {
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        if (matches.isEmpty()) {
            throw invalid("the time-stamp does not carry its signer's certificate", null);
        }
        return new JcaX509CertificateConverter()
                .getCertificate(matches.iterator().next());
    }

    private static boolean vouchesFor(X509Certificate anchor, X509Certificate signer) {
        if (anchor.equals(signer)) {
            return true;
        }
        if (!anchor.getSubjectX500Principal().equals(signer.getIssuerX500Principal())) {
            return false;
        }
        try {
            signer.verify(anchor.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static GatewayException unavailable(String message, Exception cause) {
        return new GatewayException(ErrorCode.INTERNAL_ERROR, message, cause);
    }

    private static GatewayException invalid(String message, Exception cause) {
        return new GatewayException(ErrorCode.SIGNATURE_INVALID, message, cause);
    }
}
