package io.borderlink.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.adapters.filedrop.DropDocuments;
import io.borderlink.adapters.filedrop.DropFolder;
import io.borderlink.adapters.filedrop.DropNames;
import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.label.LabelXml;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.Digests;
import io.borderlink.crypto.KeyTransport;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.LabelledDocuments;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class BorderlinkToolsTest {

    private final XmlCrypto crypto = new XmlCrypto();

    /** protect --count 3: three documents, each with its own exchange id, signed by the agency for the gateway. */
    @Test
    void protectMakesFreshExchangesSignedByTheAgencyAndEncryptedToTheGateway(@TempDir Path out) throws Exception {
        int exit = BorderlinkTools.execute(
                "protect",
                "--in=contracts/src/main/resources/samples/border-incident.xml",
                "--signer=certs-dev/mn-border.p12",
                "--count=3",
                "--out=" + out);

        assertThat(exit).isZero();
        List<Path> files;
        try (Stream<Path> listed = Files.list(out)) {
            files = listed.sorted().toList();
        }
        assertThat(files).hasSize(3);
        for (Path file : files) {
            Document document = SecureXml.parse(Files.readAllBytes(file));
            crypto.decrypt(document, DevPki.key("gateway-enc").privateKey());
            assertThat(crypto.verify(document)).isEqualTo(DevPki.certificate("mn-border"));
            assertThat(file.getFileName().toString())
                    .isEqualTo(ExchangeXml.read(document).header().exchangeId() + ".xml");
        }
    }

    /**
     * protect as the EC agency: signed with ECDSA, the Body's key agreed with the gateway's EC key, the
     * sample's originator replaced by MN-INTEL.
     */
    @Test
    void protectAgreesTheKeyWithTheGatewaysEcKeyForAnEcAgency(@TempDir Path out) throws Exception {
        Path file = out.resolve("protected.xml");
        int exit = BorderlinkTools.execute(
                "protect",
                "--in=contracts/src/main/resources/samples/border-incident.xml",
                "--signer=certs-dev/mn-intel.p12",
                "--originator=MN-INTEL",
                "--out=" + file);

        assertThat(exit).isZero();
        assertThat(Files.readString(file))
                .contains("http://www.w3.org/2009/xmlenc11#ECDH-ES")
                .contains("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256");
        Document document = SecureXml.parse(Files.readAllBytes(file));
        crypto.decrypt(document, DevPki.key("gateway-enc-ec").privateKey());
        assertThat(crypto.verify(document)).isEqualTo(DevPki.certificate("mn-intel"));
        assertThat(ExchangeXml.read(document).header().originator()).isEqualTo("MN-INTEL");
    }

    /** protect on the border incident: its tearline goes with it, signed with the rest; --without-tearlines leaves it out. */
    @Test
    void protectCarriesTheTearlinesOfWhatItIsGivenUnlessToldNotTo(@TempDir Path out) throws Exception {
        Path with = out.resolve("with.xml");
        Path without = out.resolve("without.xml");

        assertThat(BorderlinkTools.execute(
                        "protect",
                        "--in=contracts/src/main/resources/samples/border-incident.xml",
                        "--signer=certs-dev/mn-border.p12",
                        "--out=" + with))
                .isZero();
        assertThat(BorderlinkTools.execute(
                        "protect",
                        "--in=contracts/src/main/resources/samples/border-incident.xml",
                        "--signer=certs-dev/mn-border.p12",
                        "--without-tearlines",
                        "--out=" + without))
                .isZero();

        Exchange withTearlines = opened(with);
        assertThat(withTearlines.body().tearlines()).singleElement().satisfies(t -> assertThat(t.partners())
                .containsExactly("RU-LIAISON"));
        assertThat(withTearlines.body().narrative().text()).contains("3.8 km east");
        Exchange withoutTearlines = opened(without);
        assertThat(withoutTearlines.body().tearlines()).isEmpty();
        assertThat(withoutTearlines.body().narrative())
                .isEqualTo(withTearlines.body().narrative());
    }

    /** The document as the gateway opens it: decrypted, its signature verified as the agency's, read. */
    private Exchange opened(Path file) throws Exception {
        Document document = SecureXml.parse(Files.readAllBytes(file));
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).doesNotContain("Tearline");
        crypto.decrypt(document, DevPki.key("gateway-enc").privateKey());
        assertThat(crypto.verify(document)).isEqualTo(DevPki.certificate("mn-border"));
        ExchangeXml.validate(document);
        return ExchangeXml.read(document);
    }

    /** protect --label --label-only: the national label bound to the Body in place of the markings, for NATO-LIAISON. */
    @Test
    void protectBindsALabelInPlaceOfTheMarkings(@TempDir Path out) throws Exception {
        Path file = out.resolve("labelled.xml");
        int exit = BorderlinkTools.execute(
                "protect",
                "--in=contracts/src/main/resources/samples/border-incident.xml",
                "--label=contracts/src/main/resources/samples/labels/national-restricted-for-nato.xml",
                "--label-only",
                "--addressee=NATO-LIAISON",
                "--signer=certs-dev/mn-border.p12",
                "--out=" + file);

        assertThat(exit).isZero();
        Document document = SecureXml.parse(Files.readAllBytes(file));
        crypto.decrypt(document, DevPki.key("gateway-enc").privateKey());
        assertThat(crypto.verify(document)).isEqualTo(DevPki.certificate("mn-border"));
        assertThat(crypto.verifyBinding(LabelXml.bindingIn(document).orElseThrow(), LabelledDocuments.body(document)))
                .isEqualTo(DevPki.certificate("mn-border"));
        assertThat(ExchangeXml.markings(document)).isNull();
        assertThat(SecureXml.serialize(document)).asString().contains("<Addressee>NATO-LIAISON</Addressee>");
    }

    /**
     * drop-partner takes the gateway's file out of the export folder, writes a receipt the partner signed for
     * it, and sends its own message under its next number, encrypted to the gateway.
     */
    @Test
    void dropPartnerAnswersWhatTheGatewayLeftAndSendsItsOwn(@TempDir Path folders) throws Exception {
        Path fromGateway = Files.createDirectories(folders.resolve("out"));
        Path toGateway = folders.resolve("in");
        Document message = SecureXml.parse(Samples.byCategory(Category.BORDER_INCIDENT));
        crypto.protect(
                message,
                LabelledDocuments.body(message),
                DevPki.key("gateway"),
                DevPki.certificate("interpol-ncb"),
                KeyTransport.RSA_OAEP);
        byte[] written = SecureXml.serialize(message);
        Files.write(fromGateway.resolve(DropNames.message(1, "xml")), written);

        int exit = BorderlinkTools.execute(
                "drop-partner",
                "--partner=interpol-ncb",
                "--from=" + fromGateway,
                "--to=" + toGateway,
                "--send=contracts/src/main/resources/samples/border-incident.xml");

        assertThat(exit).isZero();
        assertThat(DropFolder.files(fromGateway)).isEmpty();
        Document receipt = SecureXml.parse(Files.readAllBytes(toGateway.resolve(DropNames.receipt(1))));
        assertThat(crypto.verify(receipt)).isEqualTo(DevPki.certificate("interpol-ncb"));
        assertThat(DropDocuments.readReceipt(receipt).file().digest()).isEqualTo(Digests.sha256(written));
        Document sent = SecureXml.parse(Files.readAllBytes(toGateway.resolve(DropNames.message(2, "xml"))));
        crypto.decrypt(sent, DevPki.key("gateway-enc").privateKey());
        assertThat(crypto.verify(sent)).isEqualTo(DevPki.certificate("interpol-ncb"));
    }

    @Test
    void refusesToRunWithoutACommand() {
        assertThat(BorderlinkTools.execute()).isEqualTo(2);
    }
}
