package io.borderlink.contracts.exchange;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Tearlines in exchange-v1.xsd: what the samples carry, the round trip, and that the change is additive
 * (a document written before tearlines existed stays valid and reads as before).
 */
class TearlineXmlTest {

    private static final Pattern TEARLINES = Pattern.compile("(?s)\\s*<Tearlines>.*</Tearlines>");

    @Test
    void readsTheTearlineOfTheBorderIncidentWithItsReleasabilityAndMarking() {
        Tearline tearline = ExchangeXmlTest.borderIncident().body().tearlines().get(0);

        assertThat(tearline.id()).isEqualTo("T1");
        assertThat(tearline.partners()).containsExactly("RU-LIAISON");
        assertThat(tearline.releasableTo()).isEmpty();
        assertThat(tearline.classification()).isEqualTo(Classification.RESTRICTED);
        assertThat(tearline.tlp()).isEqualTo(Tlp.GREEN);
        assertThat(tearline.text().lang()).isEqualTo("en");
        assertThat(tearline.text().text())
                .contains("near the Altanbulag crossing point")
                .doesNotContain("3.8 km");
        assertThat(tearline.isFor("RU-LIAISON", "RUS")).isTrue();
        assertThat(tearline.isFor("CN-LIAISON", "CHN")).isFalse();
    }

    @Test
    void keepsPartnersAndCodesOfSeveralTearlinesThroughARoundTrip() {
        Exchange incident = ExchangeXmlTest.borderIncident();
        Exchange two = incident.withBody(incident.body()
                .withNarrative(
                        incident.body().narrative(),
                        List.of(
                                new Tearline(
                                        "T1",
                                        List.of("RU-LIAISON", "CN-LIAISON"),
                                        List.of("RUS", "WCO"),
                                        Classification.UNCLASSIFIED,
                                        Tlp.CLEAR,
                                        new Narrative("Для пограничных представителей.", "ru")),
                                new Tearline(
                                        "T2",
                                        List.of(),
                                        List.of("INTERPOL"),
                                        Classification.RESTRICTED,
                                        Tlp.AMBER_STRICT,
                                        new Narrative("For the NCB.", "en")))));

        byte[] written = ExchangeXml.write(two);

        ExchangeXml.validate(SecureXml.parse(written));
        assertThat(ExchangeXml.read(SecureXml.parse(written))).isEqualTo(two);
        assertThat(ExchangeXml.write(ExchangeXml.read(SecureXml.parse(written))))
                .isEqualTo(written);
    }

    @Test
    void aDocumentWrittenBeforeTearlinesStaysValidAndReadsWithNone() {
        String withoutTearlines = TEARLINES
                .matcher(new String(Samples.borderIncidentFromBorderPolice(), UTF_8))
                .replaceFirst("");
        Document document = SecureXml.parse(withoutTearlines.getBytes(UTF_8));

        assertThatCode(() -> ExchangeXml.validate(document)).doesNotThrowAnyException();
        Exchange read = ExchangeXml.read(document);
        assertThat(read.body().tearlines()).isEmpty();
        assertThat(read.body().narrative().text()).contains("3.8 km east");
        assertThat(new String(ExchangeXml.write(read), UTF_8)).doesNotContain("Tearline");
    }

    @Test
    void aPartnerViewWithoutANarrativeIsValidAndWritesNone() {
        Exchange incident = ExchangeXmlTest.borderIncident();
        Exchange view = incident.withBody(incident.body().withReleasedNarrative(null));

        String xml = new String(ExchangeXml.write(view), UTF_8);

        ExchangeXml.validate(SecureXml.parse(xml.getBytes(UTF_8)));
        assertThat(xml).doesNotContain("<Narrative").doesNotContain("<Tearlines>");
        assertThat(ExchangeXml.read(SecureXml.parse(xml.getBytes(UTF_8))).body().narrative())
                .isNull();
    }

    @Test
    void aReleasedNarrativeReplacesTheTextAndDropsEveryTearline() {
        Exchange incident = ExchangeXmlTest.borderIncident();
        Narrative tearline = incident.body().tearlines().get(0).text();

        Body released = incident.body().withReleasedNarrative(tearline);

        assertThat(released.narrative()).isEqualTo(tearline);
        assertThat(released.tearlines()).isEmpty();
    }

    @Test
    void refusesATearlineReleasableToNobody() {
        assertSchemaInvalid(incidentWith("<Partner>RU-LIAISON</Partner>", ""));
    }

    @Test
    void refusesTwoTearlinesWithTheSameId() {
        String incident = new String(Samples.borderIncidentFromBorderPolice(), UTF_8);
        int start = incident.indexOf("<Tearline id=\"T1\">");
        int end = incident.indexOf("</Tearline>") + "</Tearline>".length();
        String twice = incident.substring(0, end) + incident.substring(start, end) + incident.substring(end);

        assertSchemaInvalid(SecureXml.parse(twice.getBytes(UTF_8)));
    }

    @Test
    void refusesATearlineWithoutItsMarking() {
        assertSchemaInvalid(incidentWith("<Tlp>GREEN</Tlp>\n        <Text", "<Text"));
    }

    @Test
    void refusesATearlineForAPartnerIdThatIsNoParticipant() {
        assertSchemaInvalid(incidentWith("<Partner>RU-LIAISON</Partner>", "<Partner>ru liaison</Partner>"));
    }

    @Test
    void theModelRefusesATearlineReleasableToNobodyThatTheSchemaWouldCatch() {
        assertThatThrownBy(() -> new Tearline(
                        "T1", List.of(), List.of(), Classification.UNCLASSIFIED, Tlp.GREEN, new Narrative("x", "en")))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_INVALID));
    }

    private static Document incidentWith(String from, String to) {
        String incident = new String(Samples.borderIncidentFromBorderPolice(), UTF_8);
        assertThat(incident).contains(from);
        return SecureXml.parse(incident.replace(from, to).getBytes(UTF_8));
    }

    private static void assertSchemaInvalid(Document document) {
        assertThatThrownBy(() -> ExchangeXml.validate(document))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_INVALID));
    }
}
