package io.borderlink.crypto;

import io.borderlink.contracts.xml.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.xml.security.c14n.CanonicalizationException;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.c14n.InvalidCanonicalizerException;
import org.apache.xml.security.utils.UnsyncByteArrayOutputStream;
import org.w3c.dom.Node;

/** SHA-256 in lower-case hex: how documents are named in evidence and audit. */
public final class Digests {

    static {
        org.apache.xml.security.Init.init();
    }

    private Digests() {}

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** SHA-256 of a file of any size, read in blocks (a file too large to accept is still named by it). */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] block = new byte[64 * 1024];
            for (int read = in.read(block); read >= 0; read = in.read(block)) {
                digest.update(block, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /**
     * How a receipt names the message received: an XML message by the digest of its exclusive canonical form,
     * so that neither the SOAP envelope nor a re-serialization changes it; anything else (a JOSE message) by
     * its bytes.
     */
    public static String ofMessage(byte[] message) {
        String start = new String(message, 0, Math.min(message.length, 64), StandardCharsets.UTF_8).stripLeading();
        return start.startsWith("<") ? sha256OfCanonicalXml(SecureXml.parse(message)) : sha256(message);
    }

    /**
     * SHA-256 of the exclusive canonical form (without comments) of an XML node: the same for the sender and
     * the receiver of a document however each serialized it, and whatever envelope it travelled in. How
     * receipts name the XML message received.
     */
    public static String sha256OfCanonicalXml(Node node) {
        return sha256(canonicalXml(node));
    }

    /**
     * The exclusive canonical form (without comments) of an XML node, as signatures digest it: one byte sequence
     * for the same content however it was serialized (encoding, namespace declarations nothing uses, attribute
     * order, whitespace inside tags).
     */
    public static byte[] canonicalXml(Node node) {
        try {
            // The canonicalizer writes text a character at a time; the JDK's stream takes its lock for each, and
            // made the canonical form of an 8 KB protected document about twice as slow (thousands of base64
            // characters).
            UnsyncByteArrayOutputStream canonical = new UnsyncByteArrayOutputStream();
            Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS)
                    .canonicalizeSubtree(node, canonical);
            return canonical.toByteArray();
        } catch (InvalidCanonicalizerException | CanonicalizationException e) {
            throw new IllegalStateException("exclusive c14n is missing or failed: " + e.getMessage(), e);
        }
    }
}
