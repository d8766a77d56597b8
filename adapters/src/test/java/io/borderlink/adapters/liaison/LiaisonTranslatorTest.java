package io.borderlink.adapters.liaison;

import static io.borderlink.adapters.format.XmlFixtures.bytes;
import static io.borderlink.adapters.format.XmlFixtures.normalised;
import static io.borderlink.adapters.format.XmlFixtures.resource;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderlink.adapters.format.GatewayIdentity;
import io.borderlink.adapters.format.TestIdentity;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Association;
import io.borderlink.contracts.exchange.Body;
import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Classification;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.Location;
import io.borderlink.contracts.exchange.Markings;
import io.borderlink.contracts.exchange.Person;
import io.borderlink.contracts.exchange.SourceDetails;
import io.borderlink.contracts.exchange.SourceRef;
import io.borderlink.contracts.exchange.Subject;
import io.borderlink.contracts.exchange.Tlp;
import io.borderlink.contracts.exchange.Vehicle;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.Dom;
import io.borderlink.contracts.xml.SecureXml;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class LiaisonTranslatorTest {

    private static final UUID MESSAGE_ID = UUID.fromString("0b6f1d2e-5a3c-4e8b-9f71-2c4d6e8a0b13");
    private static final Instant CREATED = Instant.parse("2025-11-17T09:00:00Z");

    private final LiaisonTranslator translator = new LiaisonTranslator(TestIdentity.MONGOLIA);

    @ParameterizedTest
    @EnumSource(
            value = Category.class,
            names = {"SEIZURE_REPORT", "CUSTOMS_RISK_ALERT"},
            mode = EnumSource.Mode.EXCLUDE)
    void writesMessagesThatAreValidLiaison(Category category) {
        Document message = toRussianLiaison(sample(category));

        assertThatCode(() -> SecureXml.validate(message, SecureXml.schema(LiaisonTranslator.SCHEMA)))
                .doesNotThrowAnyException();
    }

    @Test
    void writesTheBorderIncidentAsTheGoldenFile() {
        Document message = toRussianLiaison(sample(Category.BORDER_INCIDENT));

        assertThat(normalised(message)).isEqualTo(normalised(resource("/liaison/border-incident/expected.xml")));
    }

    @Test
    void neverWritesSourceDetailsOrInternalNotes() {
        Exchange incident = sample(Category.BORDER_INCIDENT);
        SourceDetails source = incident.body().sourceDetails();
        String internalNotes = incident.body().internalNotes();
        assertThat(source).isNotNull();
        assertThat(internalNotes).isNotNull();

        String xml = new String(SecureXml.serialize(toRussianLiaison(incident)), UTF_8);

        assertThat(xml)
                .doesNotContain(
                        source.description(), source.name(), source.sourceCode(), source.handler(), internalNotes)
                .doesNotContain("SourceDetails", "InternalNotes");
    }

    @Test
    void marksTheContentElementForEncryption() {
        Document message = toRussianLiaison(sample(Category.WANTED_PERSON));
        Node content = message.getDocumentElement().getLastChild();

        assertThat(new QName(content.getNamespaceURI(), content.getLocalName())).isEqualTo(LiaisonTranslator.CONTENT);
    }

    @Test
    void writesTheSameBytesForTheSameView() {
        Exchange alert = sample(Category.VEHICLE_ALERT);

        assertThat(SecureXml.serialize(toRussianLiaison(alert)))
                .isEqualTo(SecureXml.serialize(toRussianLiaison(sample(Category.VEHICLE_ALERT))));
    }

    @Test
    void mapsUnclassifiedToForOfficialUseAndAmberStrictToItsLabel() {
        Exchange alert = sample(Category.PERSON_ALERT);
        Exchange unclassified = alert.withMarkings(alert.markings().withClassification(Classification.UNCLASSIFIED));

        String xml = new String(SecureXml.serialize(toRussianLiaison(unclassified)), UTF_8);

        assertThat(xml)
                .contains("<Level>FOR_OFFICIAL_USE</Level>", "<Tlp>TLP:AMBER+STRICT</Tlp>", "<Handling>H3</Handling>")
                .contains("<Conditions>For awareness only.", "<Evaluation>A3</Evaluation>");
    }

    @Test
    void dropsConsignmentsAndTheLinksToThem() {
        Exchange wildlife = sample(Category.WILDLIFE_TRAFFICKING);

        Exchange back = roundTrip(wildlife);

        assertThat(back.body().subjects()).extracting(Subject::id).containsExactly("P1", "V1", "L1");
        assertThat(back.body().associations()).containsExactly(new Association("P1", "V1", "DRIVER_OF"));
        assertThat(new String(SecureXml.serialize(toRussianLiaison(wildlife)), UTF_8))
                .doesNotContain("050790", "Saiga tatarica mongolica", "Panthera uncia", "CONVEYANCE_OF", "SEIZED_AT");
    }

    @ParameterizedTest
    @EnumSource(
            value = Category.class,
            names = {"WANTED_PERSON", "BORDER_INCIDENT", "VEHICLE_ALERT", "PERSON_ALERT", "MISSING_PERSON"})
    void roundTripKeepsSubjectsMarkingsAndNarrative(Category category) {
        Exchange original = sample(category);

        Exchange back = roundTrip(original);

        Body body = original.body();
        assertThat(back.body().subjects(Person.class)).isEqualTo(body.subjects(Person.class));
        assertThat(back.body().subjects(Vehicle.class)).isEqualTo(body.subjects(Vehicle.class));
        assertThat(back.body().subjects(Location.class)).isEqualTo(body.subjects(Location.class));
        assertThat(back.body().associations()).isEqualTo(body.associations());
        assertThat(back.body().narrative()).isEqualTo(body.narrative());
        assertThat(back.markings()).isEqualTo(asReceivedBack(original.markings()));
        assertThat(back.header().category()).isEqualTo(category);
        assertThat(back.header().correlationId()).isEqualTo(original.header().correlationId());
    }

    @Test
    void readsAMessageFromTheRussianLiaisonOffice() {
        UUID exchangeId = UUID.fromString("f1e2d3c4-b5a6-4978-8a6b-5c4d3e2f1a0b");

        Exchange inbound = translator.fromLiaison(russianVehicleAlert(), "RU-LIAISON", exchangeId);

        assertThat(inbound.header().exchangeId()).isEqualTo(exchangeId);
        assertThat(inbound.header().originator()).isEqualTo("RU-LIAISON");
        assertThat(inbound.header().addressees()).isEmpty();
        assertThat(inbound.header().createdAt()).isEqualTo(Instant.parse("2025-11-20T03:25:00Z"));
        assertThat(inbound.header().purpose().code()).isEqualTo(LiaisonTranslator.INBOUND_PURPOSE);
        assertThat(inbound.header().purpose().text()).contains("RU-BURYATIA-BORDER");
        assertThat(inbound.header().sourceRefs())
                .containsExactly(new SourceRef("RU-LIAISON", "d7a4c2e9-3b61-4f08-8e5d-1a9c7b3f2e40"));
        assertThat(inbound.markings().classification()).isEqualTo(Classification.UNCLASSIFIED);
        assertThat(inbound.markings().foreignMarking()).isEqualTo("FOR_OFFICIAL_USE");
        assertThat(inbound.markings().tlp()).isEqualTo(Tlp.AMBER);
        assertThat(inbound.markings().releasableTo()).isEmpty();
        assertThat(inbound.body().subjects(Vehicle.class).get(0).plate()).isEqualTo("Е317КР03");
        assertThat(inbound.body().narrative().lang()).isEqualTo("ru");
        assertThat(inbound.body().sourceDetails()).isNull();
        assertThat(inbound.body().internalNotes()).isNull();
        assertThatCode(() -> ExchangeXml.validate(SecureXml.parse(ExchangeXml.write(inbound))))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAMessageThatClaimsAnotherSender() {
        assertThatThrownBy(() -> translator.fromLiaison(russianVehicleAlert(), "CN-LIAISON", UUID.randomUUID()))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ORIGINATOR_MISMATCH));
    }

    /** The gateway's name is configuration: another country's Borderlink writes its own and requires it. */
    @Test
    void writesAndRequiresTheGatewaysConfiguredName() {
        LiaisonTranslator kazakh = new LiaisonTranslator(new GatewayIdentity("KZ-BORDERLINK", "KAZ"));
        Document written = kazakh.toLiaison(sample(Category.VEHICLE_ALERT), MESSAGE_ID, "RU-LIAISON", CREATED);

        assertThat(Dom.text(Dom.child(written.getDocumentElement(), "Header"), "From"))
                .isEqualTo("KZ-BORDERLINK");
        assertThatThrownBy(() -> kazakh.fromLiaison(russianVehicleAlert(), "RU-LIAISON", UUID.randomUUID()))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PROFILE_VIOLATION))
                .hasMessage("message is addressed to MN-BORDERLINK");
    }

    @Test
    void refusesAMessageThatIsNotValidLiaison() {
        Document invalid =
                SecureXml.parse(new String(bytes("/samples/partners/vehicle-alert-from-ru-liaison.xml"), UTF_8)
                        .replace("<Gender>MALE</Gender>", "<Gender>M</Gender>")
                        .getBytes(UTF_8));

        assertThatThrownBy(() -> translator.fromLiaison(invalid, "RU-LIAISON", UUID.randomUUID()))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_INVALID));
    }

    @Test
    void refusesCategoriesLiaisonHasNoMessageTypeFor() {
        Stream.of(Category.SEIZURE_REPORT, Category.CUSTOMS_RISK_ALERT)
                .forEach(category -> assertThatThrownBy(() -> toRussianLiaison(sample(category)))
                        .isInstanceOf(GatewayException.class)
                        .hasMessageContaining(category.name()));
    }

    private Document toRussianLiaison(Exchange view) {
        return translator.toLiaison(view, MESSAGE_ID, "RU-LIAISON", CREATED);
    }

    /** What comes back when the Russian office answers with the message it received from us. */
    private Exchange roundTrip(Exchange original) {
        Document echoed = SecureXml.parse(SecureXml.serialize(toRussianLiaison(original)));
        Element header = Dom.child(echoed.getDocumentElement(), "Header");
        Dom.child(header, "From").setTextContent("RU-LIAISON");
        Dom.child(header, "To").setTextContent(TestIdentity.MONGOLIA.id());
        return translator.fromLiaison(echoed, "RU-LIAISON", UUID.randomUUID());
    }

    /** Liaison carries no releasability (inbound: not releasable abroad) and keeps the level as foreign marking. */
    private static Markings asReceivedBack(Markings sent) {
        String level = sent.classification() == Classification.UNCLASSIFIED
                ? "FOR_OFFICIAL_USE"
                : sent.classification().name();
        return new Markings(
                sent.classification(),
                sent.tlp(),
                List.of(),
                sent.handlingCode(),
                sent.handlingConditions(),
                sent.sourceReliability(),
                sent.informationAccuracy(),
                level);
    }

    private static Exchange sample(Category category) {
        return ExchangeXml.read(SecureXml.parse(Samples.byCategory(category)));
    }

    private static Document russianVehicleAlert() {
        return resource("/samples/partners/vehicle-alert-from-ru-liaison.xml");
    }
}
