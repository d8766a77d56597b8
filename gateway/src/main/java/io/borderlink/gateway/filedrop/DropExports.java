package io.borderlink.gateway.filedrop;

import io.borderlink.adapters.filedrop.DropDocuments;
import io.borderlink.adapters.filedrop.DropDocuments.FileEntry;
import io.borderlink.adapters.filedrop.DropFolder;
import io.borderlink.adapters.filedrop.DropNames;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.Digests;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.gateway.pki.GatewayKeys;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;

/**
 * What the gateway writes into a recipient's export folder (docs/air-gap.md): each share's protected message as
 * its numbered file, a signed receipt for each message imported from a recipient whose link has a way back,
 * and, per batch, a signed manifest of the files written since the last. Every file is written whole or not at
 * all, and its number and digest are recorded.
 */
@Component("dropExports")
public class DropExports {

    private static final Logger log = LoggerFactory.getLogger(DropExports.class);

    private final DropLedger ledger;
    private final DropSources sources;
    private final XmlCrypto crypto;
    private final GatewayKeys keys;
    private final Clock clock;

    DropExports(DropLedger ledger, DropSources sources, XmlCrypto crypto, GatewayKeys keys, Clock clock) {
        this.ledger = ledger;
        this.sources = sources;
        this.crypto = crypto;
        this.keys = keys;
        this.clock = clock;
    }

    /** A file written for a recipient: its number, name and digest. */
    public record Written(long sequence, String name, String digest) {}

    /**
     * The deliver step of a file drop: the protected message as the share's numbered file. A share keeps its
     * number on every attempt, so a file written again replaces the first. A folder that cannot be written is
     * an unavailable recipient: the attempt is retried.
     *
     * @param extension {@code xml} or {@code jose}, as the recipient's format protects its messages
     */
    public Written message(String recipientId, Path folder, UUID shareId, byte[] message, String extension) {
        DropLedger.Numbered number = ledger.messageNumber(recipientId, shareId, extension);
        return write(recipientId, folder, number, message);
    }

    /** A signed receipt for the source's file {@code imported} and the message it carried. */
    public Written receipt(DropSource source, FileEntry imported, String messageId) {
        DropLedger.Numbered number = ledger.receiptNumber(source.id(), imported.sequence());
        Document receipt = DropDocuments.write(new DropDocuments.Receipt(clock.instant(), imported, messageId));
        crypto.sign(receipt, keys.signing());
        return write(source.id(), source.exportFolder(), number, SecureXml.serialize(receipt));
    }

    /**
     * The manifest step (the leader, every manifest interval): a signed manifest for each file-drop recipient
     * with files written since the last. Answers how many were written.
     */
    public int manifests() {
        int written = 0;
        for (DropSource source : sources.all()) {
            List<FileEntry> batch = ledger.unlisted(source.id());
            if (!batch.isEmpty()) {
                long first = batch.get(0).sequence();
                long last = batch.get(batch.size() - 1).sequence();
                String name = DropNames.manifest(first, last);
                Document manifest =
                        DropDocuments.write(new DropDocuments.Manifest(first, last, clock.instant(), batch));
                crypto.sign(manifest, keys.signing());
                writeFile(source.exportFolder(), name, SecureXml.serialize(manifest));
                ledger.listed(source.id(), first, last, name);
                log.info("manifest {} written for {}: {} file(s)", name, source.id(), batch.size());
                written++;
            }
        }
        return written;
    }

    private Written write(String recipientId, Path folder, DropLedger.Numbered number, byte[] content) {
        writeFile(folder, number.name(), content);
        String digest = Digests.sha256(content);
        ledger.written(recipientId, number.sequence(), digest, clock.instant());
        return new Written(number.sequence(), number.name(), digest);
    }

    private static void writeFile(Path folder, String name, byte[] content) {
        try {
            DropFolder.write(folder, name, content);
        } catch (UncheckedIOException e) {
            throw new GatewayException(
                    ErrorCode.PARTNER_UNAVAILABLE,
                    "the export folder " + folder + " cannot be written: "
                            + e.getCause().getMessage(),
                    e);
        }
    }
}
