package io.borderlink.tools;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.label.ConfidentialityLabel;
import io.borderlink.contracts.label.LabelXml;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.KeyTransport;
import io.borderlink.crypto.SigningKey;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.testkit.AgencyDocuments;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.LabelledDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code protect}: turns a plaintext exchange (such as a sample from contracts) into what an
 * agency submits, so integrators can try the gateway with curl before their own system speaks the profile.
 * Whatever the exchange carries goes with it, tearlines included; {@code --without-tearlines} leaves them
 * out, to see what a partner's narrative rule does with the narrative alone.
 */
@Command(
        name = "protect",
        mixinStandardHelpOptions = true,
        description = "Re-stamp, sign and encrypt a plaintext exchange as an agency would submit it.")
class ProtectCommand implements Callable<Integer> {

    @Option(
            names = "--in",
            required = true,
            description = "plaintext exchange, e.g. contracts/src/main/resources/samples/border-incident.xml")
    Path in;

    @Option(names = "--out", required = true, description = "where to write the protected document")
    Path out;

    @Option(
            names = "--signer",
            required = true,
            description = "the agency's PKCS#12 key store, e.g. certs-dev/mn-border.p12")
    Path signer;

    @Option(names = "--alias", description = "key alias in the key store (default: the file name without .p12)")
    String alias;

    @Option(
            names = "--password",
            defaultValue = "${env:BORDERLINK_SIGNER_PASSWORD:-changeit}",
            description = "key store password (default: $BORDERLINK_SIGNER_PASSWORD, else the certs-dev password)")
    String password;

    @Option(
            names = "--to",
            description = "the gateway's encryption certificate (default: certs-dev/gateway-enc.crt.pem, or"
                    + " certs-dev/gateway-enc-ec.crt.pem when the signer's key is elliptic-curve)")
    Path gatewayCertificate;

    @Option(
            names = "--key-transport",
            defaultValue = "RSA_OAEP",
            description = "RSA_OAEP or RSA_OAEP_MGF1P, for an RSA --to (default: ${DEFAULT-VALUE}); to an EC"
                    + " certificate the key is always agreed with ECDH-ES")
    KeyTransport keyTransport;

    @Option(
            names = "--originator",
            description = "the agency id to put in the header instead of the sample's, e.g. MN-INTEL when signing"
                    + " with certs-dev/mn-intel.p12 (the gateway requires signer and originator to match)")
    String originator;

    @Option(names = "--keep-ids", description = "keep the exchange id and creation time instead of fresh ones")
    boolean keepIds;

    @Option(
            names = "--without-tearlines",
            description = "leave out the exchange's tearlines (the versions of its narrative written for release)")
    boolean withoutTearlines;

    @Option(
            names = "--addressee",
            description = "a partner to address, instead of the sample's addressees (repeat for more)")
    List<String> addressees;

    @Option(
            names = "--label",
            description = "a confidentiality label (e.g. contracts/src/main/resources/samples/labels/"
                    + "national-restricted-for-nato.xml) to bind to the Body, the binding signed by --signer")
    Path label;

    @Option(names = "--label-only", description = "with --label: leave the markings out, the label stands for them")
    boolean labelOnly;

    @Option(
            names = "--count",
            defaultValue = "1",
            description = "how many fresh exchanges to make; above 1, --out is a folder that gets <exchangeId>.xml"
                    + " for each")
    int count;

    @Override
    public Integer call() throws Exception {
        String keyAlias =
                alias != null ? alias : signer.getFileName().toString().replaceFirst("\\.p12$", "");
        SigningKey key = Certificates.readKey(signer, password.toCharArray(), keyAlias);
        Exchange read = ExchangeXml.read(SecureXml.parse(Files.readAllBytes(in)));
        Exchange chosen = originator == null ? read : AgencyDocuments.from(read, originator);
        Exchange sample = withoutTearlines
                ? chosen.withBody(chosen.body().withNarrative(chosen.body().narrative(), List.of()))
                : chosen;
        X509Certificate gateway = gatewayCertificate != null
                ? Certificates.readCertificate(gatewayCertificate)
                : DevPki.gatewayEncryptionFor(key);
        AgencyDocuments documents = new AgencyDocuments(new XmlCrypto());
        if (count > 1) {
            Files.createDirectories(out);
        }
        for (int i = 0; i < count; i++) {
            Exchange exchange =
                    addressed(keepIds && count == 1 ? sample : AgencyDocuments.fresh(sample, Instant.now()));
            byte[] protectedDocument = label == null
                    ? documents.protect(exchange, key, gateway, keyTransport)
                    : labelled(exchange, key, gateway);
            UUID id = exchange.header().exchangeId();
            Files.write(count > 1 ? out.resolve(id + ".xml") : out, protectedDocument);
            System.out.println(id);
        }
        return 0;
    }

    private Exchange addressed(Exchange exchange) {
        return addressees == null
                ? exchange
                : exchange.withHeader(exchange.header().withAddressees(addressees));
    }

    private byte[] labelled(Exchange exchange, SigningKey key, X509Certificate gateway) throws Exception {
        ConfidentialityLabel bound =
                LabelXml.read(SecureXml.parse(Files.readAllBytes(label)).getDocumentElement());
        LabelledDocuments labelling = new LabelledDocuments(new XmlCrypto());
        return labelling.protect(labelling.bound(exchange, bound, !labelOnly, key), key, gateway);
    }
}
