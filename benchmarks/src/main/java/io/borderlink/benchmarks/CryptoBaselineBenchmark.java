package io.borderlink.benchmarks;

import io.borderlink.adapters.liaison.LiaisonTranslator;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.KeyTransport;
import io.borderlink.crypto.SigningKey;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.testkit.DevGateway;
import io.borderlink.testkit.DevPki;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What the cryptography alone allows (benchmarks/README.md, targets): per 4 KB exchange, the gateway's own crypto
 * work, with the gateway's own {@link XmlCrypto} and the development PKI, once with its RSA-2048 identities and
 * once with its elliptic-curve (P-256) ones ({@code @Param keys}: {@code -p keys=EC} for one of them only).
 * The descriptions below are for RSA; with EC, the agency is mn-intel (ECDSA-SHA256), the Body's key is
 * agreed with gateway-enc-ec (ECDH-ES, ConcatKDF, AES-256 key wrap), the gateway signs with gateway-ec and
 * agrees the Content's key with kr-liaison. Same exchanges, same AES-256-GCM and SHA-256.
 *
 * <ul>
 *   <li>{@link #exchange}: decrypt the agency document (RSA-OAEP unwrap with the gateway-enc key, then
 *       AES-256-GCM), verify its enveloped signature (RSA-SHA256, exclusive c14n, SHA-256 digest), sign the
 *       outbound liaison message with the gateway key, and encrypt its Content to ru-liaison (RSA-OAEP
 *       wrap, AES-256-GCM). No parsing and no serialization inside the op: the two input documents are
 *       made ready by an invocation-level setup, which JMH keeps out of the measured time. This is the
 *       baseline the end-to-end figure is compared with.
 *   <li>{@link #exchangeBytesInBytesOut}: the same, plus the two XML steps the gateway cannot avoid
 *       around it: parsing the submitted bytes (SecureXml, hardened) and serializing the protected
 *       partner message.
 *   <li>{@link #decrypt}, {@link #verify}, {@link #sign}, {@link #encrypt}: each part alone, on a fresh
 *       document made ready by the same kind of setup, so the breakdown is visible.
 * </ul>
 *
 * <p>Not inside any op: the certificate path validation with CRLs, schema validation, reading the
 * exchange into records, translating it to liaison (all non-crypto, or crypto the gateway can cache),
 * TLS, the database and the audit trail.
 *
 * <p>The documents come from a ring of {@value #RING} distinct border-incident exchanges (about 4 KB of
 * plaintext each), protected in the trial setup exactly as an agency would (signed by mn-border,
 * encrypted to gateway-enc). One {@link XmlCrypto} is shared by all threads, as the gateway shares its
 * bean. Run at 1 and 2 threads ({@code -t 1}, {@code -t 2}); see benchmarks/README.md.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 4, time = 2)
public class CryptoBaselineBenchmark {

    static final int RING = 256;

    /** Keys, certificates and the pre-protected documents, shared read-only by every thread. */
    @State(Scope.Benchmark)
    public static class Material {
        @Param({"RSA", "EC"})
        KeyType keys;

        XmlCrypto crypto;
        LiaisonTranslator translator;
        PrivateKey gatewayEncryption;
        SigningKey gatewaySigning;
        X509Certificate partner;
        /** What the agency submits: signed, then Body encrypted to gateway-enc. */
        byte[][] submitted;
        /** The same after the gateway's decryption: signed plaintext, what verify sees. */
        byte[][] decrypted;
        /** The partner view of each exchange, from which the outbound liaison document is built. */
        Exchange[] views;
        /** Outbound liaison documents signed by the gateway, not yet encrypted: what encrypt sees. */
        byte[][] signedLiaison;

        final AtomicInteger threads = new AtomicInteger();

        @Setup(Level.Trial)
        public void protectRing() {
            crypto = new XmlCrypto();
            translator = new LiaisonTranslator(DevGateway.IDENTITY);
            gatewayEncryption = DevPki.key(keys.gatewayEncryption).privateKey();
            gatewaySigning = DevPki.key(keys.gatewaySigning);
            partner = DevPki.certificate(keys.partner);

            ExchangeDocuments documents = new ExchangeDocuments(crypto, keys);
            submitted = new byte[RING][];
            decrypted = new byte[RING][];
            views = new Exchange[RING];
            signedLiaison = new byte[RING][];
            for (int i = 0; i < RING; i++) {
                submitted[i] = documents.next(Instant.now()).document();
                Document document = SecureXml.parse(submitted[i]);
                crypto.decrypt(document, gatewayEncryption);
                crypto.verify(document);
                decrypted[i] = SecureXml.serialize(document);
                views[i] = ExchangeXml.read(document);
                Document liaison = liaison(i);
                crypto.sign(liaison, gatewaySigning);
                signedLiaison[i] = SecureXml.serialize(liaison);
            }
        }

        /** The outbound liaison document of the i-th exchange, unsigned. */
        Document liaison(int i) {
            return translator.toLiaison(views[i], UUID.randomUUID(), keys.partnerId, Instant.now());
        }
    }

    /** Each thread walks the ring from its own offset; the setup makes one fresh input per invocation. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        @Setup(Level.Trial)
        public void start(Material material) {
            next = material.threads.getAndIncrement() * (RING / 2);
        }

        int advance() {
            int i = next & (RING - 1);
            next++;
            return i;
        }
    }

    /** Inputs for the whole-exchange ops: the submission (bytes and parsed) and an unsigned liaison document. */
    @State(Scope.Thread)
    public static class ExchangeInput {
        byte[] submittedBytes;
        Document submitted;
        Document liaison;

        @Setup(Level.Invocation)
        public void prepare(Material material, Cursor cursor) {
            int i = cursor.advance();
            submittedBytes = material.submitted[i];
            submitted = SecureXml.parse(submittedBytes);
            liaison = material.liaison(i);
        }
    }

    @State(Scope.Thread)
    public static class DecryptInput {
        Document document;

        @Setup(Level.Invocation)
        public void prepare(Material material, Cursor cursor) {
            document = SecureXml.parse(material.submitted[cursor.advance()]);
        }
    }

    @State(Scope.Thread)
    public static class VerifyInput {
        Document document;

        @Setup(Level.Invocation)
        public void prepare(Material material, Cursor cursor) {
            document = SecureXml.parse(material.decrypted[cursor.advance()]);
        }
    }

    @State(Scope.Thread)
    public static class SignInput {
        Document document;

        @Setup(Level.Invocation)
        public void prepare(Material material, Cursor cursor) {
            document = material.liaison(cursor.advance());
        }
    }

    @State(Scope.Thread)
    public static class EncryptInput {
        Document document;

        @Setup(Level.Invocation)
        public void prepare(Material material, Cursor cursor) {
            document = SecureXml.parse(material.signedLiaison[cursor.advance()]);
        }
    }

    /** decrypt + verify + sign + encrypt of one exchange, on ready documents: the crypto-only baseline. */
    @Benchmark
    public Document exchange(Material m, ExchangeInput in) {
        m.crypto.decrypt(in.submitted, m.gatewayEncryption);
        X509Certificate signer = m.crypto.verify(in.submitted);
        if (signer == null) {
            throw new IllegalStateException("no signer");
        }
        m.crypto.sign(in.liaison, m.gatewaySigning);
        m.crypto.encrypt(in.liaison, content(in.liaison), m.partner, KeyTransport.RSA_OAEP);
        return in.liaison;
    }

    /** The same with the parse of the submitted bytes and the serialization of the partner message. */
    @Benchmark
    public byte[] exchangeBytesInBytesOut(Material m, ExchangeInput in) {
        Document submitted = SecureXml.parse(in.submittedBytes);
        m.crypto.decrypt(submitted, m.gatewayEncryption);
        X509Certificate signer = m.crypto.verify(submitted);
        if (signer == null) {
            throw new IllegalStateException("no signer");
        }
        m.crypto.sign(in.liaison, m.gatewaySigning);
        m.crypto.encrypt(in.liaison, content(in.liaison), m.partner, KeyTransport.RSA_OAEP);
        return SecureXml.serialize(in.liaison);
    }

    /** RSA-OAEP unwrap with the gateway-enc key, then AES-256-GCM decryption of the Body, in place. */
    @Benchmark
    public Document decrypt(Material m, DecryptInput in) {
        m.crypto.decrypt(in.document, m.gatewayEncryption);
        return in.document;
    }

    /** Exclusive c14n, SHA-256 digest and RSA-SHA256 verification of the whole-document signature. */
    @Benchmark
    public X509Certificate verify(Material m, VerifyInput in) {
        return m.crypto.verify(in.document);
    }

    /** Enveloped RSA-SHA256 signature of the outbound liaison message with the gateway key. */
    @Benchmark
    public Document sign(Material m, SignInput in) {
        m.crypto.sign(in.document, m.gatewaySigning);
        return in.document;
    }

    /** A fresh AES-256-GCM key wrapped with RSA-OAEP to ru-liaison, and Content encrypted in place. */
    @Benchmark
    public Document encrypt(Material m, EncryptInput in) {
        m.crypto.encrypt(in.document, content(in.document), m.partner, KeyTransport.RSA_OAEP);
        return in.document;
    }

    private static Element content(Document liaison) {
        return (Element) liaison.getElementsByTagNameNS(
                        LiaisonTranslator.CONTENT.getNamespaceURI(), LiaisonTranslator.CONTENT.getLocalPart())
                .item(0);
    }
}
