package io.borderlink.gateway.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.label.LabelXml;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.testkit.DevPki;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The label the gateway binds to what NATO-LIAISON receives (docs/labels.md) checked by another
 * implementation: {@code xmlsec1} decrypts the message with the partner's key and verifies the binding's own
 * signature, over the MetadataBinding and the Body, up to the national root. Skipped without xmlsec1 unless
 * {@code -Dborderlink.interop.required=true}.
 */
@ExtendWith(XmlSec1Installed.class)
class LabelBindingInteropIT extends GatewayTestSupport {

    private static final String BINDING_SIGNATURE =
            "//*[local-name()='BindingInformation']/*[local-name()='Signature']";

    @TempDir
    Path work;

    @Test
    void theBindingOfALabelledShareVerifiesWithXmlsec1() throws Exception {
        Exchange alert = forNato();
        HttpResponse<String> receipt = agency("mn-border").submit(protect(alert, "mn-border"));
        assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> !NATO_LIAISON
                .receivedFor(alert.header().correlationId())
                .isEmpty());
        Path message = work.resolve("message.xml");
        Files.write(
                message,
                NATO_LIAISON.receivedFor(alert.header().correlationId()).get(0).getBody());
        Path decrypted = work.resolve("decrypted.xml");
        XmlSec1 xmlsec1 = new XmlSec1(work);

        xmlsec1.decrypt(
                message,
                DevPki.ROOT.resolve("interpol-ncb.key.pem"),
                DevPki.ROOT.resolve("interpol-ncb.crt.pem"),
                decrypted);
        String verification = xmlsec1.verifyNode(
                decrypted,
                BINDING_SIGNATURE,
                List.of("Id", ExchangeXml.NAMESPACE + ":Body", "Id", LabelXml.BINDING_NAMESPACE + ":MetadataBinding"),
                DevPki.ROOT.resolve("ca/national-root.crt.pem"),
                DevPki.ROOT.resolve("ca/gateway-ca.crt.pem"));

        assertThat(verification.lines()).contains("OK", "SignedInfo References (ok/all): 2/2");
        Document plain = SecureXml.parse(Files.readAllBytes(decrypted));
        assertThat(LabelXml.read(LabelXml.parts(LabelXml.bindingIn(plain).orElseThrow())
                                .label())
                        .classification())
                .isEqualTo("NATO UNCLASSIFIED");
    }

    /** The border police's vehicle alert, releasable to NATO and addressed to it. */
    private static Exchange forNato() {
        Exchange sample = fresh(Samples.byCategory(Category.VEHICLE_ALERT));
        return sample.withHeader(sample.header().withAddressees(List.of("NATO-LIAISON")))
                .withMarkings(sample.markings().withReleasableTo(List.of("NATO")));
    }
}
