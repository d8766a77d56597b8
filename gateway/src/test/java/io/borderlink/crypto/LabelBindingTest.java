package io.borderlink.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.label.CategoryType;
import io.borderlink.contracts.label.ConfidentialityLabel;
import io.borderlink.contracts.label.LabelCategory;
import io.borderlink.contracts.label.LabelXml;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.LabelledDocuments;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Signing and verifying a label's binding (docs/labels.md), and the document signature around it. */
class LabelBindingTest {

    private final XmlCrypto crypto = new XmlCrypto();
    private final LabelledDocuments labelling = new LabelledDocuments(crypto);
    private final SigningKey customs = DevPki.key("mn-customs");
    private final SigningKey gatewayEnc = DevPki.key("gateway-enc");

    @Test
    void aSignedBindingVerifiesInsideASignedAndEncryptedExchange() {
        Document received = travelled(labelling.bound(vehicleAlert(), label("NATO RESTRICTED"), true, customs));

        assertThat(crypto.verify(received)).isEqualTo(customs.certificate());
        assertThat(crypto.verifyBinding(binding(received), LabelledDocuments.body(received)))
                .isEqualTo(customs.certificate());
    }

    @Test
    void refusesALabelSwappedForAnotherAfterBinding() {
        Document bound = labelling.bound(vehicleAlert(), label("NATO RESTRICTED"), true, customs);
        Document other = labelling.bound(vehicleAlert(), label("NATO UNCLASSIFIED"), true, customs);
        Element original = LabelledDocuments.label(bound);
        original.getParentNode().replaceChild(bound.importNode(LabelledDocuments.label(other), true), original);

        Document received = travelled(bound);

        assertThat(crypto.verify(received)).isEqualTo(customs.certificate());
        assertRefused(
                () -> crypto.verifyBinding(binding(received), LabelledDocuments.body(received)),
                ErrorCode.LABEL_BINDING_INVALID);
    }

    @Test
    void refusesAPayloadChangedAfterBinding() {
        Document bound = labelling.bound(vehicleAlert(), label("NATO RESTRICTED"), true, customs);
        Element narrative = (Element)
                bound.getElementsByTagNameNS(ExchangeXml.NAMESPACE, "Narrative").item(0);
        narrative.setTextContent("Nothing happened at the crossing.");

        Document received = travelled(bound);

        assertRefused(
                () -> crypto.verifyBinding(binding(received), LabelledDocuments.body(received)),
                ErrorCode.LABEL_BINDING_INVALID);
    }

    @Test
    void refusesABindingThatReferencesOtherData() {
        Document bound = labelling.bound(vehicleAlert(), label("NATO RESTRICTED"), true, customs);
        LabelledDocuments.body(bound).setAttributeNS(null, LabelXml.ID, "another-body");

        Document received = travelled(bound);

        assertRefused(
                () -> crypto.verifyBinding(binding(received), LabelledDocuments.body(received)),
                ErrorCode.LABEL_BINDING_INVALID);
    }

    @Test
    void refusesAnUnsignedBinding() {
        Document bound = labelling.bound(vehicleAlert(), label("NATO RESTRICTED"), true, customs);
        Element bindingSignature = firstElement(binding(bound));
        binding(bound).removeChild(bindingSignature);

        Document received = travelled(bound);

        assertRefused(
                () -> crypto.verifyBinding(binding(received), LabelledDocuments.body(received)),
                ErrorCode.LABEL_BINDING_INVALID);
    }

    @Test
    void stillRefusesASecondSignatureOutsideABinding() {
        Document bound = labelling.bound(vehicleAlert(), label("NATO RESTRICTED"), true, customs);
        Element stray = (Element) firstElement(binding(bound)).cloneNode(true);
        LabelledDocuments.body(bound).appendChild(stray);

        Document received = travelled(bound);

        assertRefused(() -> crypto.verify(received), ErrorCode.PROFILE_VIOLATION);
    }

    private Document travelled(Document bound) {
        Document received = SecureXml.parse(labelling.protect(bound, customs, gatewayEnc.certificate()));
        crypto.decrypt(received, gatewayEnc.privateKey());
        return received;
    }

    private static Exchange vehicleAlert() {
        return ExchangeXml.read(SecureXml.parse(Samples.byCategory(Category.VEHICLE_ALERT)));
    }

    private static ConfidentialityLabel label(String classification) {
        return new ConfidentialityLabel(
                "NATO",
                null,
                classification,
                List.of(new LabelCategory("Releasable To", null, CategoryType.PERMISSIVE, List.of("MNG", "NATO"))),
                Instant.parse("2026-11-27T08:00:00Z"),
                null);
    }

    private static Element binding(Document document) {
        return LabelXml.bindingIn(document).orElseThrow();
    }

    private static Element firstElement(Element parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return element;
            }
        }
        throw new AssertionError("no child element");
    }

    private static void assertRefused(Runnable action, ErrorCode code) {
        assertThatThrownBy(action::run)
                .isInstanceOf(GatewayException.class)
                .extracting(e -> ((GatewayException) e).code())
                .isEqualTo(code);
    }
}
