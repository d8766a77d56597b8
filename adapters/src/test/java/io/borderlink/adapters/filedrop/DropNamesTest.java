package io.borderlink.adapters.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderlink.adapters.filedrop.DropDocuments.FileEntry;
import io.borderlink.adapters.filedrop.DropNames.Kind;
import io.borderlink.adapters.filedrop.DropNames.Parsed;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.xml.SecureXml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/** The names, folders and documents of the file-drop transport (docs/air-gap.md), without a gateway. */
class DropNamesTest {

    private static final String DIGEST = "a".repeat(64);

    @Test
    void readsBackTheNamesItWrites() {
        assertThat(DropNames.message(42, "xml")).isEqualTo("0000000042-message.xml");
        assertThat(DropNames.parse(DropNames.message(42, "jose"))).contains(new Parsed(Kind.MESSAGE, 42, 42));
        assertThat(DropNames.parse(DropNames.receipt(7))).contains(new Parsed(Kind.RECEIPT, 7, 7));
        assertThat(DropNames.parse(DropNames.manifest(40, 43))).contains(new Parsed(Kind.MANIFEST, 40, 43));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "holiday-photos.zip",
                "42-message.xml",
                "0000000000-message.xml",
                "0000000001-receipt.jose",
                "manifest-0000000005-0000000004.xml",
                ".0000000001-message.xml.part"
            })
    void refusesNamesTheTransportNeverWrites(String name) {
        assertThat(DropNames.parse(name)).isEmpty();
    }

    @Test
    void listsWholeFilesInNameOrderAndQuarantinesWithTheReasonBeside(@TempDir Path folder) throws Exception {
        DropFolder.write(folder, DropNames.message(2, "xml"), "second".getBytes(StandardCharsets.UTF_8));
        DropFolder.write(folder, DropNames.message(1, "xml"), "first".getBytes(StandardCharsets.UTF_8));
        Files.writeString(folder.resolve(".0000000003-message.xml.part"), "half");

        assertThat(DropFolder.files(folder))
                .extracting(p -> p.getFileName().toString())
                .containsExactly("0000000001-message.xml", "0000000002-message.xml");

        Path quarantined = DropFolder.quarantine(folder.resolve("0000000001-message.xml"), "SIGNATURE_INVALID: no");

        assertThat(quarantined).isEqualTo(folder.resolve("quarantine/0000000001-message.xml"));
        assertThat(Files.readString(folder.resolve("quarantine/0000000001-message.xml.reason.txt")))
                .isEqualTo("SIGNATURE_INVALID: no\n");
        assertThat(DropFolder.files(folder))
                .extracting(p -> p.getFileName().toString())
                .containsExactly("0000000002-message.xml");
    }

    @Test
    void readsBackTheManifestsAndReceiptsItWritesAndRefusesOthers() {
        Instant issued = Instant.parse("2026-12-06T08:00:00Z");
        DropDocuments.Manifest manifest = new DropDocuments.Manifest(
                1,
                2,
                issued,
                List.of(
                        new FileEntry(1, "0000000001-message.xml", DIGEST),
                        new FileEntry(2, "0000000002-message.xml", DIGEST)));
        DropDocuments.Receipt receipt =
                new DropDocuments.Receipt(issued, new FileEntry(1, "0000000001-message.xml", DIGEST), "m-1");

        assertThat(DropDocuments.readManifest(reparse(DropDocuments.write(manifest))))
                .isEqualTo(manifest);
        assertThat(DropDocuments.readReceipt(reparse(DropDocuments.write(receipt))))
                .isEqualTo(receipt);
        assertThatThrownBy(() -> DropDocuments.readManifest(reparse(DropDocuments.write(receipt))))
                .isInstanceOf(GatewayException.class);
    }

    private static Document reparse(Document document) {
        return SecureXml.parse(SecureXml.serialize(document));
    }
}
