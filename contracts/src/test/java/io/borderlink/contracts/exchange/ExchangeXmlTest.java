package io.borderlink.contracts.exchange;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ExchangeXmlTest {

    @ParameterizedTest
    @EnumSource(Category.class)
    void everySampleIsValid(Category category) {
        assertThatCode(() -> ExchangeXml.validate(SecureXml.parse(Samples.byCategory(category))))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(Category.class)
    void everySampleSurvivesARoundTrip(Category category) {
        Exchange sample = sample(category);

        assertThat(reread(ExchangeXml.write(sample))).isEqualTo(sample);
    }

    @ParameterizedTest
    @EnumSource(Category.class)
    void writesDocumentsThatAreValid(Category category) {
        Document written = SecureXml.parse(ExchangeXml.write(sample(category)));

        assertThatCode(() -> ExchangeXml.validate(written)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(Category.class)
    void writesTheSameBytesForTheSameRecords(Category category) {
        byte[] first = ExchangeXml.write(sample(category));

        assertThat(ExchangeXml.write(sample(category))).isEqualTo(first);
        assertThat(ExchangeXml.write(reread(first))).isEqualTo(first);
    }

    @Test
    void writesUtf8WithTheDefaultNamespaceAndNoPrefixes() {
        String xml = new String(ExchangeXml.write(borderIncident()), UTF_8);

        assertThat(xml)
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Exchange xmlns=\"urn:borderlink:exchange:1\">")
                .contains("<Plate>К482ТМ03</Plate>", "<SchemaVersion>1.0</SchemaVersion>")
                .doesNotContain("ns0:", "\n");
    }

    @Test
    void readsEveryPartOfTheBorderIncident() {
        Exchange incident = borderIncident();

        assertThat(incident.header().originator()).isEqualTo("MN-BORDER");
        assertThat(incident.header().addressees()).containsExactly("RU-LIAISON");
        assertThat(incident.header().createdAt()).isEqualTo(Instant.parse("2025-11-17T08:30:00Z"));
        assertThat(incident.markings().classification()).isEqualTo(Classification.RESTRICTED);
        assertThat(incident.markings().tlp()).isEqualTo(Tlp.GREEN);
        assertThat(incident.markings().releasableTo()).containsExactly("RUS");
        assertThat(incident.body().subjects()).extracting(Subject::id).containsExactly("L1", "P1", "V1");
        Person driver = incident.body().subjects(Person.class).get(0);
        assertThat(driver.dateOfBirth()).isEqualTo(new PartialDate(1991, 5, null));
        assertThat(driver.documents()).extracting(TravelDocument::number).containsExactly("761538204");
        Location place = incident.body().subjects(Location.class).get(0);
        assertThat(place.latitude()).isEqualTo(new BigDecimal("50.3190"));
        assertThat(incident.body().associations()).hasSize(3);
        assertThat(incident.body().narrative().lang()).isEqualTo("en");
        assertThat(incident.body().sourceDetails().sourceCode()).isEqualTo("MN-BORDER/SEL/HS-0211");
        assertThat(incident.body().internalNotes()).startsWith("Patrol report");
    }

    @Test
    void readsAmberStrictAndHandlingConditions() {
        Markings markings = sample(Category.PERSON_ALERT).markings();

        assertThat(markings.tlp()).isEqualTo(Tlp.AMBER_STRICT);
        assertThat(markings.handlingCode()).isEqualTo(HandlingCode.H3);
        assertThat(markings.handlingConditions()).startsWith("For awareness only.");
    }

    @Test
    void ignoresTheTrailingAgencySignature() {
        Document signed = SecureXml.parse(Samples.borderIncidentFromBorderPolice());
        Element signature = signed.createElementNS("http://www.w3.org/2000/09/xmldsig#", "ds:Signature");
        signature.appendChild(signed.createElementNS("http://www.w3.org/2000/09/xmldsig#", "ds:SignedInfo"));
        signed.getDocumentElement().appendChild(signature);

        ExchangeXml.validate(signed);
        assertThat(ExchangeXml.read(signed)).isEqualTo(borderIncident());
    }

    @ParameterizedTest
    @ValueSource(strings = {"D<<", "XXA", "XXB", "XXC", "XXX", "UNO", "UNA", "UNK", "EUE", "RKS", "GBD", "XPO", "XCC"})
    void acceptsIcaoNationalitiesThatAreNotIsoCodes(String code) {
        Document doc = borderIncidentWith(
                "<Nationality>RUS</Nationality>", "<Nationality>" + code.replace("<", "&lt;") + "</Nationality>");

        ExchangeXml.validate(doc);
        assertThat(ExchangeXml.read(doc).body().subjects(Person.class).get(0).nationalities())
                .containsExactly(code);
    }

    @Test
    void refusesAnUnknownCategory() {
        assertSchemaInvalid(borderIncidentWith("<Category>BORDER_INCIDENT</", "<Category>GOSSIP</"));
    }

    @Test
    void refusesAMissingOriginator() {
        assertSchemaInvalid(borderIncidentWith("<Originator>MN-BORDER</Originator>", ""));
    }

    @Test
    void refusesANationalityThatIsNotThreeLetters() {
        assertSchemaInvalid(borderIncidentWith("<Nationality>RUS</Nationality>", "<Nationality>RU</Nationality>"));
    }

    @Test
    void refusesACreationTimeWithoutTimeZone() {
        assertSchemaInvalid(borderIncidentWith("2025-11-17T08:30:00Z", "2025-11-17T08:30:00"));
    }

    @Test
    void refusesAnAssociationToAnUnknownSubject() {
        assertSchemaInvalid(borderIncidentWith("<ToId>V1</ToId>", "<ToId>V9</ToId>"));
    }

    @Test
    void refusesTwoSubjectsWithTheSameId() {
        assertSchemaInvalid(borderIncidentWith("<Vehicle id=\"V1\">", "<Vehicle id=\"P1\">"));
    }

    @Test
    void refusesAnImpossibleDateOfBirth() {
        assertSchemaInvalid(borderIncidentWith("<DateOfBirth>1991-05</", "<DateOfBirth>1991-02-30</"));
    }

    @Test
    void refusesAContainerNumberThatIsNotIso6346() {
        Document doc = SecureXml.parse(new String(Samples.seizureReportFromCustoms(), UTF_8)
                .replace("TKRU4128735", "TKRX4128735")
                .getBytes(UTF_8));

        assertSchemaInvalid(doc);
    }

    /** A refusal names the element and the rule; the value is document content and stays out of the message. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "<Nationality>RUS</Nationality>|<Nationality>MARKERXQ</Nationality>|element Nationality",
                "<DateOfBirth>1991-05</|<DateOfBirth>MARKERXQ</|element DateOfBirth",
                "<Category>BORDER_INCIDENT</|<Category>MARKERXQ</|element Category"
            })
    void schemaRefusalsNameTheElementAndTheRuleButNotTheValue(String edit) {
        String[] parts = edit.split("\\|");
        Document doc = borderIncidentWith(parts[0], parts[1]);

        assertThatThrownBy(() -> ExchangeXml.validate(doc))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining(parts[2])
                .hasMessageContaining("cvc-")
                .hasMessageNotContaining("MARKERXQ");
    }

    /** The same for a value the records refuse after the schema passed it. */
    @Test
    void readRefusalsNameTheElementButNotTheValue() {
        assertThatThrownBy(() -> PartialDate.parse("1991-13"))
                .isInstanceOf(GatewayException.class)
                .hasMessageNotContaining("1991")
                .hasMessageNotContaining("13");
    }

    @Test
    void readRefusesH3WithoutConditionsThatTheSchemaCannotCatch() {
        Document doc = borderIncidentWith("<HandlingCode>H2</HandlingCode>", "<HandlingCode>H3</HandlingCode>");
        ExchangeXml.validate(doc);

        assertThatThrownBy(() -> ExchangeXml.read(doc))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_INVALID))
                .hasMessageContaining("H3");
    }

    @Test
    void readReportsOddInputAsSchemaInvalidRatherThanFailing() {
        assertReadFails("<Exchange xmlns=\"urn:borderlink:exchange:1\"><Header/></Exchange>", "Header/ExchangeId");
        assertReadFails("<Exchange xmlns=\"urn:other\"/>", "expected {urn:borderlink:exchange:1}Exchange");
        assertReadFails(
                new String(Samples.borderIncidentFromBorderPolice(), UTF_8).replace("<Tlp>GREEN</Tlp>", "<Tlp/>"),
                "TLP");
        assertReadFails(
                new String(Samples.borderIncidentFromBorderPolice(), UTF_8)
                        .replace("<Latitude>50.3190</Latitude>", "<Latitude>north</Latitude>"),
                "Location/Latitude");
    }

    @Test
    void partnerViewWithoutSourceDetailsAndNotesIsValidAndOmitsThem() {
        Exchange incident = borderIncident();
        Exchange view = incident.withBody(incident.body().withoutSourceDetails().withoutInternalNotes());

        String xml = new String(ExchangeXml.write(view), UTF_8);

        ExchangeXml.validate(SecureXml.parse(xml.getBytes(UTF_8)));
        assertThat(xml).doesNotContain("SourceDetails", "Munkhbat", "InternalNotes", "tipped off");
    }

    @Test
    void droppingSubjectsDropsTheirAssociationsSoTheViewStaysValid() {
        Exchange incident = borderIncident();
        Exchange view = incident.withBody(incident.body().withoutSubjects(Person.class::isInstance));

        assertThat(view.body().subjects()).extracting(Subject::id).containsExactly("L1", "V1");
        assertThat(view.body().associations()).containsExactly(new Association("V1", "L1", "SEEN_AT"));
        ExchangeXml.validate(SecureXml.parse(ExchangeXml.write(view)));
    }

    @Test
    void generalisedDateOfBirthIsWrittenAsAYear() {
        Exchange incident = borderIncident();
        Person driver = incident.body().subjects(Person.class).get(0);
        Person generalised = driver.withDateOfBirth(driver.dateOfBirth().yearOnly());
        Exchange view = incident.withBody(incident.body()
                .withSubjects(incident.body().subjects().stream()
                        .map(s -> s == driver ? generalised : s)
                        .toList()));

        assertThat(new String(ExchangeXml.write(view), UTF_8)).contains("<DateOfBirth>1991</DateOfBirth>");
    }

    static Exchange borderIncident() {
        return sample(Category.BORDER_INCIDENT);
    }

    static Exchange sample(Category category) {
        return ExchangeXml.read(SecureXml.parse(Samples.byCategory(category)));
    }

    private static Exchange reread(byte[] xml) {
        return ExchangeXml.read(SecureXml.parse(xml));
    }

    private static Document borderIncidentWith(String target, String replacement) {
        String xml = new String(Samples.borderIncidentFromBorderPolice(), UTF_8);
        assertThat(xml).contains(target);
        return SecureXml.parse(xml.replace(target, replacement).getBytes(UTF_8));
    }

    private static void assertSchemaInvalid(Document doc) {
        assertThatThrownBy(() -> ExchangeXml.validate(doc))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_INVALID));
    }

    private static void assertReadFails(String xml, String message) {
        Document doc = SecureXml.parse(xml.getBytes(UTF_8));
        assertThatThrownBy(() -> ExchangeXml.read(doc))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_INVALID))
                .hasMessageContaining(message);
    }
}
