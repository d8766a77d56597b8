package io.borderlink.contracts.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.Markings;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class LabelXmlTest {

    private static final Instant MADE = Instant.parse("2026-11-27T08:00:00Z");

    static ConfidentialityLabel natoRestricted() {
        return new ConfidentialityLabel(
                "NATO",
                "urn:oid:1.3.26.1.3.1",
                "NATO RESTRICTED",
                List.of(new LabelCategory(
                        "Releasable To", "urn:example:releasable-to", CategoryType.PERMISSIVE, List.of("NATO", "MNG"))),
                MADE,
                Instant.parse("2031-11-27T00:00:00Z"));
    }

    @Test
    void readsBackTheLabelItWrites() {
        Document document = SecureXml.newDocument();
        document.appendChild(LabelXml.write(document, natoRestricted()));

        Document reread = SecureXml.parse(SecureXml.serialize(document));

        assertThat(LabelXml.read(reread.getDocumentElement())).isEqualTo(natoRestricted());
    }

    @Test
    void aLabelWithoutReviewTimeOrUrisSurvivesTooAndSaysWhatItIs() {
        ConfidentialityLabel plain = new ConfidentialityLabel(
                "MN-NATIONAL",
                null,
                "RESTRICTED",
                List.of(new LabelCategory("Handling", null, CategoryType.RESTRICTIVE, List.of("H2"))),
                MADE,
                null);
        Document document = SecureXml.newDocument();
        document.appendChild(LabelXml.write(document, plain));

        assertThat(LabelXml.read(SecureXml.parse(SecureXml.serialize(document)).getDocumentElement()))
                .isEqualTo(plain);
        assertThat(plain.summary()).isEqualTo("MN-NATIONAL RESTRICTED; Handling H2");
    }

    @Test
    void anExchangeWithMarkingsAndABindingToItsBodyIsValid() {
        Document document = labelled(false);

        assertThatCode(() -> ExchangeXml.validate(document)).doesNotThrowAnyException();
        LabelXml.Bound bound = LabelXml.parts(LabelXml.bindingIn(document).orElseThrow());
        assertThat(bound.dataId()).isEqualTo("payload");
        assertThat(bound.bindingId()).isEqualTo("label");
        assertThat(LabelXml.read(bound.label())).isEqualTo(natoRestricted());
    }

    @Test
    void anExchangeWithOnlyABoundLabelIsValidAndTakesMarkingsWhereTheSchemaPutsThem() {
        Document document = labelled(true);
        assertThatCode(() -> ExchangeXml.validate(document)).doesNotThrowAnyException();
        assertThat(ExchangeXml.markings(document)).isNull();
        Markings markings = ExchangeXml.read(SecureXml.parse(Samples.byCategory(Category.VEHICLE_ALERT)))
                .markings();

        ExchangeXml.insertMarkings(document, markings);

        assertThatCode(() -> ExchangeXml.validate(document)).doesNotThrowAnyException();
        assertThat(ExchangeXml.read(document).markings()).isEqualTo(markings);
    }

    @Test
    void anExchangeWithNeitherMarkingsNorLabelIsInvalid() {
        Document document = SecureXml.parse(Samples.byCategory(Category.VEHICLE_ALERT));
        Element markings = child(document, ExchangeXml.NAMESPACE, "Markings");
        markings.getParentNode().removeChild(markings);

        assertThatThrownBy(() -> ExchangeXml.validate(document))
                .isInstanceOf(GatewayException.class)
                .extracting(e -> ((GatewayException) e).code())
                .isEqualTo(ErrorCode.SCHEMA_INVALID);
    }

    @Test
    void aBindingThatPointsOutsideTheDocumentIsInvalid() {
        Document document = labelled(false);
        child(document, LabelXml.BINDING_NAMESPACE, "DataReference")
                .setAttributeNS(null, "URI", "https://example.org/other");

        assertThatThrownBy(() -> ExchangeXml.validate(document)).isInstanceOf(GatewayException.class);
    }

    @Test
    void twoElementsWithOneIdAreInvalid() {
        Document document = labelled(false);
        child(document, LabelXml.BINDING_NAMESPACE, "MetadataBinding").setAttributeNS(null, "Id", "payload");

        assertThatThrownBy(() -> ExchangeXml.validate(document)).isInstanceOf(GatewayException.class);
    }

    /** The vehicle alert with its Body named "payload" and the NATO label bound to it, unsigned. */
    static Document labelled(boolean withoutMarkings) {
        Document document = SecureXml.parse(Samples.byCategory(Category.VEHICLE_ALERT));
        Element body = child(document, ExchangeXml.NAMESPACE, "Body");
        body.setAttributeNS(null, LabelXml.ID, "payload");
        Element binding = LabelXml.bind(document, natoRestricted(), body, "label");
        document.getDocumentElement().insertBefore(binding, body);
        if (withoutMarkings) {
            Element markings = child(document, ExchangeXml.NAMESPACE, "Markings");
            markings.getParentNode().removeChild(markings);
        }
        return SecureXml.parse(SecureXml.serialize(document));
    }

    private static Element child(Document document, String namespace, String name) {
        return (Element) document.getElementsByTagNameNS(namespace, name).item(0);
    }
}
