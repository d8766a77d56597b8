package io.borderlink.tools;

import io.borderlink.adapters.filedrop.DropDocuments;
import io.borderlink.adapters.filedrop.DropFolder;
import io.borderlink.adapters.filedrop.DropNames;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.Header;
import io.borderlink.contracts.label.LabelXml;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.testkit.AgencyDocuments;
import io.borderlink.testkit.FileDropPartner;
import io.borderlink.testkit.LabelledDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.w3c.dom.Element;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code drop-partner}: play a partner without an online link (docs/air-gap.md), as the far end of the
 * diode or the courier would: take every file the gateway left in its export folder (open and print each
 * message, with its label and whether the gateway's binding holds; print manifests and receipts), write a signed
 * receipt for each message into the gateway's import folder, and, with {@code --send}, write a message of its own
 * there.
 */
@Command(
        name = "drop-partner",
        mixinStandardHelpOptions = true,
        description = "Play a file-drop partner: take what the gateway left for it, answer with receipts, send a file.")
class DropPartnerCommand implements Callable<Integer> {

    private final XmlCrypto crypto = new XmlCrypto();

    @Option(
            names = "--partner",
            required = true,
            description = "certs-dev identity to sign and decrypt with (NATO-LIAISON borrows interpol-ncb)")
    String partner;

    @Option(names = "--from", required = true, description = "the gateway's export folder for the partner")
    Path from;

    @Option(names = "--to", required = true, description = "the gateway's import folder for the partner")
    Path to;

    @Option(
            names = "--send",
            description = "a plaintext exchange (e.g. contracts/src/main/resources/samples/border-incident.xml) to"
                    + " send, with a fresh id and time, as the partner's next numbered file")
    Path send;

    @Option(names = "--no-receipts", description = "take the files but write no receipts (a one-way link)")
    boolean noReceipts;

    @Override
    public Integer call() throws Exception {
        FileDropPartner side = new FileDropPartner(
                partner, from, to, to.toAbsolutePath().getParent().resolve(".partner-sequence"));
        for (FileDropPartner.Received received : side.messages()) {
            Header header = received.exchange().header();
            System.out.printf(
                    "%s: message %s, %s, %s, signed by %s%n",
                    received.file().getFileName(),
                    header.exchangeId(),
                    header.category(),
                    received.exchange().markings().classification(),
                    received.signer().getSubjectX500Principal().getName());
            System.out.println("  label: " + label(received));
            if (!noReceipts) {
                System.out.println("  receipt " + side.receipt(received).file().getFileName());
            }
            Files.delete(received.file());
        }
        for (Path file : DropFolder.files(from)) {
            Optional<DropNames.Parsed> name = DropNames.parse(file.getFileName().toString());
            if (name.isPresent() && name.get().kind() == DropNames.Kind.MANIFEST) {
                DropDocuments.Manifest manifest = DropDocuments.readManifest(SecureXml.parse(Files.readAllBytes(file)));
                System.out.printf(
                        "%s: manifest of numbers %d to %d, %d file(s)%n",
                        file.getFileName(),
                        manifest.first(),
                        manifest.last(),
                        manifest.files().size());
                Files.delete(file);
            } else if (name.isPresent() && name.get().kind() == DropNames.Kind.RECEIPT) {
                DropDocuments.Receipt receipt = DropDocuments.readReceipt(SecureXml.parse(Files.readAllBytes(file)));
                System.out.printf(
                        "%s: the gateway received our %s%n",
                        file.getFileName(), receipt.file().name());
                Files.delete(file);
            }
        }
        if (send != null) {
            Exchange sample = ExchangeXml.read(SecureXml.parse(Files.readAllBytes(send)));
            Exchange fresh = AgencyDocuments.fresh(sample, Instant.now());
            Exchange message = fresh.withHeader(fresh.header().withAddressees(List.of()));
            FileDropPartner.Written written = side.send(message);
            System.out.printf(
                    "sent %s: exchange %s%n",
                    written.file().getFileName(), fresh.header().exchangeId());
        }
        return 0;
    }

    /** The bound label, and whether its binding is the gateway's signature over it and the Body. */
    private String label(FileDropPartner.Received received) {
        Optional<Element> binding = LabelXml.bindingIn(received.message());
        if (binding.isEmpty()) {
            return "none";
        }
        String signer = crypto.verifyBinding(binding.get(), LabelledDocuments.body(received.message()))
                .getSubjectX500Principal()
                .getName();
        return LabelXml.read(LabelXml.parts(binding.get()).label()).summary() + " (binding signed by " + signer + ")";
    }
}
