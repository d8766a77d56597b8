package io.borderlink.testkit;

import io.borderlink.adapters.filedrop.DropDocuments;
import io.borderlink.adapters.filedrop.DropDocuments.FileEntry;
import io.borderlink.adapters.filedrop.DropFolder;
import io.borderlink.adapters.filedrop.DropNames;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.Digests;
import io.borderlink.crypto.KeyTransport;
import io.borderlink.crypto.SigningKey;
import io.borderlink.crypto.XmlCrypto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The other side of a file drop (docs/air-gap.md), as a partner that speaks the canonical exchange does it: it
 * reads what the gateway wrote to its export folder (decrypts with its own key, verifies the gateway's
 * signature), writes signed receipts back, and writes its own messages, numbered from 1, into the gateway's
 * import folder. Used by the tools' {@code drop-partner} and by the tests that play such a partner.
 */
public final class FileDropPartner {

    private final XmlCrypto crypto = new XmlCrypto();
    private final SigningKey key;
    private final X509Certificate gateway;
    private final Path fromGateway;
    private final Path toGateway;
    private final Path counter;
    private long inMemory;

    /**
     * @param identity the certs-dev identity it signs and decrypts with
     * @param fromGateway the gateway's export folder for it
     * @param toGateway the gateway's import folder for it
     * @param counter a file that keeps its last number between runs (the tools'), or null to start from 1
     */
    public FileDropPartner(String identity, Path fromGateway, Path toGateway, Path counter) {
        this(identity, DevPki.certificate("gateway-enc"), fromGateway, toGateway, counter);
    }

    /** @param gateway the certificate the gateway decrypts with, where it is not the development default */
    public FileDropPartner(String identity, X509Certificate gateway, Path fromGateway, Path toGateway, Path counter) {
        this.key = DevPki.key(identity);
        this.gateway = gateway;
        this.fromGateway = fromGateway;
        this.toGateway = toGateway;
        this.counter = counter;
    }

    /** A message file the gateway wrote, opened: its number, its digest, the plaintext and who signed it. */
    public record Received(Path file, long sequence, String digest, Document message, X509Certificate signer) {

        public Exchange exchange() {
            return ExchangeXml.read(message);
        }
    }

    /** A file this side wrote: its path and number. */
    public record Written(Path file, long sequence) {}

    /** Every message file waiting in the gateway's export folder, opened; manifests and receipts are left. */
    public List<Received> messages() {
        List<Received> received = new ArrayList<>();
        for (Path file : DropFolder.files(fromGateway)) {
            Optional<DropNames.Parsed> name = DropNames.parse(file.getFileName().toString());
            if (name.isPresent() && name.get().kind() == DropNames.Kind.MESSAGE) {
                byte[] bytes = read(file);
                Document message = SecureXml.parse(bytes);
                crypto.decrypt(message, key.privateKey());
                X509Certificate signer = crypto.verify(message);
                received.add(new Received(file, name.get().first(), Digests.sha256(bytes), message, signer));
            }
        }
        return received;
    }

    /** Writes the signed receipt for a file it read, under its next number. */
    public Written receipt(Received received) {
        String messageId =
                ExchangeXml.read(received.message()).header().exchangeId().toString();
        FileEntry file =
                new FileEntry(received.sequence(), received.file().getFileName().toString(), received.digest());
        Document receipt = DropDocuments.write(new DropDocuments.Receipt(Instant.now(), file, messageId));
        crypto.sign(receipt, key);
        long sequence = next();
        return new Written(
                DropFolder.write(toGateway, DropNames.receipt(sequence), SecureXml.serialize(receipt)), sequence);
    }

    /** Signs an exchange it sends, encrypts its Body to the gateway, and writes it under its next number. */
    public Written send(Exchange exchange) {
        return write(protect(exchange));
    }

    /** The exchange as this side would send it, signed and encrypted, not yet written anywhere. */
    public byte[] protect(Exchange exchange) {
        Document document = ExchangeXml.toDocument(exchange);
        Element body = (Element)
                document.getElementsByTagNameNS(ExchangeXml.NAMESPACE, "Body").item(0);
        crypto.protect(document, body, key, gateway, KeyTransport.RSA_OAEP);
        return SecureXml.serialize(document);
    }

    /** Writes bytes as its next message file, whatever they are. */
    public Written write(byte[] message) {
        long sequence = next();
        return new Written(DropFolder.write(toGateway, DropNames.message(sequence, "xml"), message), sequence);
    }

    /** Writes bytes as a message file of a given number, without taking the next one (a replay, a late file). */
    public Path write(long sequence, byte[] message) {
        return DropFolder.write(toGateway, DropNames.message(sequence, "xml"), message);
    }

    /** Writes its signed manifest announcing these files, numbers and digests, whether they were written or not. */
    public Path manifest(List<FileEntry> entries) {
        long first = entries.get(0).sequence();
        long last = entries.get(entries.size() - 1).sequence();
        Document manifest = DropDocuments.write(new DropDocuments.Manifest(first, last, Instant.now(), entries));
        crypto.sign(manifest, key);
        return DropFolder.write(toGateway, DropNames.manifest(first, last), SecureXml.serialize(manifest));
    }

    /** How a manifest lists a message of these bytes under that number. */
    public static FileEntry entry(long sequence, byte[] message) {
        return new FileEntry(sequence, DropNames.message(sequence, "xml"), Digests.sha256(message));
    }

    /** The number its next file will get. */
    public long nextNumber() {
        return last() + 1;
    }

    /** Skips numbers, as a file lost on the way does. */
    public void skip(int numbers) {
        for (int i = 0; i < numbers; i++) {
            next();
        }
    }

    private long next() {
        long next = last() + 1;
        if (counter == null) {
            inMemory = next;
            return next;
        }
        try {
            Files.createDirectories(counter.toAbsolutePath().getParent());
            Files.writeString(counter, Long.toString(next), StandardCharsets.UTF_8);
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long last() {
        try {
            return counter == null || !Files.exists(counter)
                    ? inMemory
                    : Long.parseLong(Files.readString(counter).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
