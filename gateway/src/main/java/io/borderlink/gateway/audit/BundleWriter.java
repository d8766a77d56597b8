package io.borderlink.gateway.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.borderlink.crypto.Digests;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the entries of one evidence bundle into its zip and keeps the SHA-256 of each for the manifest
 * (all but the manifest and its signature).
 */
final class BundleWriter {

    /** The bundle's JSON files are indented: people read them as well as tools. */
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ZipOutputStream zip;
    private final Map<String, String> digests = new LinkedHashMap<>();

    BundleWriter(ZipOutputStream zip) {
        this.zip = zip;
    }

    /** Writes one entry as a stream, digesting it on the way: a chain slice can hold millions of entries. */
    interface Streamed<T> {
        T writeTo(OutputStream out) throws IOException;
    }

    /** What was written so far, each name with its SHA-256. */
    Map<String, String> digests() {
        return digests;
    }

    boolean contains(String name) {
        return digests.containsKey(name);
    }

    int json(String name, ArrayNode list) throws IOException {
        raw(name, JSON.writeValueAsBytes(list));
        return list.size();
    }

    void text(String name, String text) throws IOException {
        raw(name, text.getBytes(StandardCharsets.UTF_8));
    }

    void raw(String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
        if (!name.equals(BundleFormat.MANIFEST) && !name.equals(BundleFormat.MANIFEST_SIGNATURE)) {
            digests.put(name, Digests.sha256(content));
        }
    }

    /** The writer may close the stream it is given; the zip stays open. */
    <T> T stream(String name, Streamed<T> writer) throws IOException {
        MessageDigest sha256 = sha256();
        zip.putNextEntry(new ZipEntry(name));
        T result = writer.writeTo(new DigestOutputStream(new Unclosed(zip), sha256));
        zip.closeEntry();
        digests.put(name, HexFormat.of().formatHex(sha256.digest()));
        return result;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Lets a JSON generator close its stream without closing the zip under it. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
