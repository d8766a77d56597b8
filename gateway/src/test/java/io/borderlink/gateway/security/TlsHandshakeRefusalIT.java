package io.borderlink.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.SigningKey;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.testkit.DevPki;
import java.math.BigInteger;
import java.net.Socket;
import java.net.SocketException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * A client presenting a certificate the gateway does not trust is refused by the TLS layer, before any
 * request exists, and the trail holds the refusal: the certificate's fingerprint and subject, and why. The
 * clients here present their certificate whatever issuers the server names (the JDK's own key manager would
 * quietly send none, and the request would arrive anonymous).
 */
class TlsHandshakeRefusalIT extends GatewayTestSupport {

    /** A client of a CA made on the spot, which nobody trusts: refused, audited, and the node goes on serving. */
    @Test
    void auditsAClientWhoseCertificateIsFromACaTheGatewayDoesNotTrust() throws Exception {
        SigningKey stranger =
                strangerIssuedBy("CN=Unknown Liaison CA,O=Elsewhere,C=XX", "CN=stranger,O=Elsewhere,C=XX");
        String fingerprint = Certificates.fingerprint(stranger.certificate());

        assertHandshakeRefused(stranger);

        Map<String, Object> refusal = awaitRefusal(fingerprint);
        assertThat(refusal)
                .containsEntry("step", "ACCESS")
                .containsEntry("outcome", "REJECTED")
                .containsEntry(
                        "actor",
                        stranger.certificate().getSubjectX500Principal().getName());
        assertThat((String) refusal.get("detail"))
                .isEqualTo("TLS handshake refused: issued by "
                        + stranger.certificate().getIssuerX500Principal().getName() + ", which the gateway does not"
                        + " trust");
        assertThat(agency("mn-border").get("/actuator/health/liveness").statusCode())
                .as("the node stays up and serves the others")
                .isEqualTo(200);
    }

    /** An agency's certificate that expired, under a CA the gateway trusts: refused for what it is. */
    @Test
    void auditsAClientWhoseCertificateExpired() throws Exception {
        SigningKey expired = DevPki.key("mn-customs-expired");

        assertHandshakeRefused(expired);

        assertThat((String) awaitRefusal(Certificates.fingerprint(expired.certificate()))
                        .get("detail"))
                .isEqualTo("TLS handshake refused: the certificate expired on "
                        + expired.certificate().getNotAfter().toInstant());
    }

    /** The same client retrying at once is counted, not audited again (the flood aggregation of every refusal). */
    @Test
    void countsAClientRetryingItsHandshakeInsteadOfAuditingEachAttempt() throws Exception {
        SigningKey stranger = strangerIssuedBy("CN=Retrying CA,O=Elsewhere,C=XX", "CN=retrying,O=Elsewhere,C=XX");
        String fingerprint = Certificates.fingerprint(stranger.certificate());

        for (int attempt = 0; attempt < 3; attempt++) {
            assertHandshakeRefused(stranger);
        }

        awaitRefusal(fingerprint);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_event WHERE code = 'TLS_CLIENT_REFUSED' AND actor_certificate = ?",
                        Long.class,
                        fingerprint))
                .isOne();
    }

    /**
     * The client sees the refusal as the server's alert, or, when the server has already closed the connection
     * while the client still writes its last handshake messages, as that connection breaking under it.
     */
    private void assertHandshakeRefused(SigningKey identity) {
        assertThatThrownBy(() -> handshake(identity)).isInstanceOfAny(SSLException.class, SocketException.class);
    }

    private Map<String, Object> awaitRefusal(String fingerprint) {
        String query = "SELECT step, outcome, actor, detail FROM audit_event"
                + " WHERE code = 'TLS_CLIENT_REFUSED' AND actor_certificate = ?";
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !jdbc.queryForList(query, fingerprint).isEmpty());
        return jdbc.queryForList(query, fingerprint).get(0);
    }

    /** TLS 1.2, so that the server's verdict on the client certificate ends the handshake the client waits for. */
    private void handshake(SigningKey identity) throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(new KeyManager[] {new Presenting(identity)}, trustingTheNationalRoot(), null);
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.setSoTimeout(20_000);
            socket.startHandshake();
        }
    }

    private static TrustManager[] trustingTheNationalRoot() throws Exception {
        KeyStore roots = KeyStore.getInstance("PKCS12");
        roots.load(null, null);
        roots.setCertificateEntry("national-root", DevPki.ca("national-root"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(roots);
        return trust.getTrustManagers();
    }

    /** A CA of its own (self-signed, never given to the gateway) and a TLS client certificate it issued. */
    private static SigningKey strangerIssuedBy(String caSubject, String subject) throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair ca = rsa.generateKeyPair();
        KeyPair client = rsa.generateKeyPair();
        Instant now = Instant.now();
        X509Certificate caCertificate = certificate(caSubject, caSubject, ca.getPublic(), ca.getPrivate(), now, true);
        X509Certificate clientCertificate =
                certificate(caSubject, subject, client.getPublic(), ca.getPrivate(), now, false);
        return new SigningKey(client.getPrivate(), clientCertificate, List.of(clientCertificate, caCertificate));
    }

    private static X509Certificate certificate(
            String issuer, String subject, PublicKey key, PrivateKey signer, Instant now, boolean authority)
            throws Exception {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                new X500Name(issuer),
                BigInteger.valueOf(now.toEpochMilli()).shiftLeft(1).add(BigInteger.valueOf(authority ? 1 : 0)),
                Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(1))),
                new X500Name(subject),
                key);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
        builder.addExtension(
                Extension.keyUsage,
                true,
                new KeyUsage(authority ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
    }

    /** Presents its one certificate whatever the server asks for, as a misconfigured or hostile client does. */
    private static final class Presenting extends X509ExtendedKeyManager {

        private static final String ALIAS = "client";
        private final SigningKey identity;

        Presenting(SigningKey identity) {
            this.identity = identity;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return ALIAS;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return ALIAS;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return identity.chain().toArray(X509Certificate[]::new);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return identity.privateKey();
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {ALIAS};
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return new String[0];
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }
}
