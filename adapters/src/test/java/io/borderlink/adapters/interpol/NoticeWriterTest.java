package io.borderlink.adapters.interpol;

import static io.borderlink.adapters.interpol.InterpolFixtures.sample;
import static io.borderlink.adapters.interpol.InterpolFixtures.tree;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borderlink.adapters.format.TestIdentity;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Body;
import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.Location;
import io.borderlink.contracts.exchange.Person;
import io.borderlink.contracts.exchange.Sex;
import io.borderlink.contracts.exchange.SourceDetails;
import io.borderlink.contracts.exchange.Subject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NoticeWriterTest {

    private static final UUID MESSAGE_ID = UUID.fromString("0b6f1d2e-5a3c-4e8b-9f71-2c4d6e8a0b13");
    private static final Instant CREATED = Instant.parse("2025-11-17T09:00:00Z");

    private final NoticeWriter writer = new NoticeWriter(TestIdentity.MONGOLIA);
    private final SchemaSubsetChecker schema = new SchemaSubsetChecker(InterpolFixtures.schema());

    /** The wanted-person sample → the golden red notice, byte for byte. */
    @Test
    void writesTheWantedPersonSampleAsTheGoldenRedNotice() {
        byte[] notice = toInterpol(sample(Category.WANTED_PERSON));

        assertThat(new String(notice, UTF_8))
                .isEqualTo(new String(InterpolFixtures.bytes("outbound/wanted-person.json"), UTF_8).strip());
    }

    /** The wanted-person sample → red notice fields in the API's shape and the envelope with our metadata. */
    @Test
    void writesAWantedPersonAsARedNoticeWithAnEnvelope() {
        Exchange wanted = sample(Category.WANTED_PERSON);

        JsonNode notice = tree(toInterpol(wanted));

        JsonNode envelope = notice.get("envelope");
        assertThat(envelope.get("message_id").asText()).isEqualTo(MESSAGE_ID.toString());
        assertThat(envelope.get("correlation_id").asText())
                .isEqualTo(wanted.header().correlationId().toString());
        assertThat(envelope.get("created").asText()).isEqualTo("2025-11-17T09:00:00Z");
        assertThat(envelope.get("from").asText()).isEqualTo("MN-BORDERLINK");
        assertThat(envelope.get("to").asText()).isEqualTo("INTERPOL-NCB");
        assertThat(envelope.get("notice_type").asText()).isEqualTo("red");
        assertThat(envelope.get("classification").asText()).isEqualTo("RESTRICTED");
        assertThat(envelope.get("tlp").asText()).isEqualTo("TLP:AMBER");
        assertThat(envelope.get("handling").asText()).isEqualTo("H1");
        assertThat(envelope.get("evaluation").asText()).isEqualTo("B2");
        assertThat(notice.get("entity_id").isNull()).isTrue();
        assertThat(notice.get("name").asText()).isEqualTo("TSERENDORJ");
        assertThat(notice.get("forename").asText()).isEqualTo("BAYARSAIKHAN");
        assertThat(notice.get("date_of_birth").asText()).isEqualTo("1986/07/14");
        assertThat(notice.get("sex_id").asText()).isEqualTo("M");
        assertThat(notice.get("nationalities")).extracting(JsonNode::asText).containsExactly("MN");
        JsonNode warrant = notice.get("arrest_warrants").get(0);
        assertThat(warrant.get("issuing_country_id").asText()).isEqualTo("MN");
        assertThat(warrant.get("charge").asText())
                .isEqualTo(wanted.body().narrative().text());
        assertThat(notice.has("summary")).isFalse();
    }

    /** The missing-person sample → yellow notice with place and country of the place last seen, narrative as summary. */
    @Test
    void writesAMissingPersonAsAYellowNotice() {
        Exchange missing = sample(Category.MISSING_PERSON);

        JsonNode notice = tree(toInterpol(missing));

        assertThat(notice.get("envelope").get("notice_type").asText()).isEqualTo("yellow");
        assertThat(notice.get("envelope").get("tlp").asText()).isEqualTo("TLP:GREEN");
        assertThat(notice.get("name").asText()).isEqualTo("GANZORIG");
        assertThat(notice.get("date_of_birth").asText()).isEqualTo("2009/02/21");
        assertThat(notice.get("sex_id").asText()).isEqualTo("F");
        assertThat(notice.get("place").asText()).isEqualTo("Zamyn-Üüd minibus stand next to the railway station.");
        assertThat(notice.get("country").asText()).isEqualTo("MN");
        assertThat(notice.get("summary").asText())
                .isEqualTo(missing.body().narrative().text());
        assertThat(notice.has("arrest_warrants")).isFalse();
    }

    /** Both samples → documents that satisfy interpol-notice-v1.schema.json. */
    @ParameterizedTest
    @EnumSource(
            value = Category.class,
            names = {"WANTED_PERSON", "MISSING_PERSON"})
    void writesDocumentsValidAgainstTheSchema(Category category) {
        assertThat(schema.violations(tree(toInterpol(sample(category))))).isEmpty();
    }

    /** Documents with a missing name, an empty warrant list, an alpha-3 nationality or a red summary → schema violations. */
    @Test
    void schemaCheckCatchesBrokenDocuments() {
        JsonNode good = tree(toInterpol(sample(Category.WANTED_PERSON)));

        assertThat(schema.violations(broken(good, n -> n.remove("name")))).containsExactly(": missing name");
        assertThat(schema.violations(broken(good, n -> n.putArray("arrest_warrants"))))
                .containsExactly("/arrest_warrants: fewer than 1 items");
        assertThat(schema.violations(
                        broken(good, n -> n.putArray("nationalities").add("MNG"))))
                .containsExactly("/nationalities/0: 'MNG' does not match ^[A-Z]{2}$");
        assertThat(schema.violations(broken(good, n -> n.put("summary", "text"))))
                .containsExactly("/summary: not allowed here");
        assertThat(schema.violations(broken(good, n -> n.put("photo", "x"))))
                .containsExactly("/photo: not allowed here");
    }

    /** The same view twice → byte-identical JSON. */
    @Test
    void writesTheSameBytesForTheSameView() {
        assertThat(toInterpol(sample(Category.WANTED_PERSON))).isEqualTo(toInterpol(sample(Category.WANTED_PERSON)));
    }

    /** A view holding source details, internal notes, addressees and agency references → none of them written. */
    @Test
    void neverWritesSourceDetailsInternalNotesOrAgencyReferences() {
        Exchange wanted = sample(Category.WANTED_PERSON);
        SourceDetails source = wanted.body().sourceDetails();
        assertThat(source).isNotNull();

        String json = new String(toInterpol(wanted), UTF_8);

        assertThat(json)
                .doesNotContain(source.description(), source.name(), source.sourceCode(), source.handler())
                .doesNotContain(wanted.body().internalNotes())
                .doesNotContain("AW-2025/1187", "MN-PROSECUTOR-WARRANTS", "RU-LIAISON", "4817УБМ");
    }

    /** Categories other than wanted and missing persons → INTERNAL_ERROR naming the category. */
    @ParameterizedTest
    @EnumSource(
            value = Category.class,
            names = {"WANTED_PERSON", "MISSING_PERSON"},
            mode = EnumSource.Mode.EXCLUDE)
    void refusesCategoriesWithoutANoticeType(Category category) {
        assertThatThrownBy(() -> toInterpol(sample(category)))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR))
                .hasMessageContaining(category.name());
    }

    /** A wanted-person view whose person the policy removed → INTERNAL_ERROR. */
    @Test
    void refusesAViewWithoutAPerson() {
        Exchange wanted = sample(Category.WANTED_PERSON);
        Exchange noPerson = wanted.withBody(wanted.body().withoutSubjects(Person.class::isInstance));

        assertThatThrownBy(() -> toInterpol(noPerson))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR));
    }

    /** Sex X, nationalities D<<, XXA and RKS → sex U, nationalities DE and XK (XXA has no alpha-2). */
    @Test
    void writesCodesTheNoticeShapeCanHold() {
        Exchange wanted = sample(Category.WANTED_PERSON);
        Person p = wanted.body().subjects(Person.class).get(0);
        Person odd = new Person(
                p.id(),
                p.surname(),
                p.givenNames(),
                null,
                null,
                p.dateOfBirth().yearOnly(),
                Sex.X,
                List.of("D<<", "XXA", "RKS"),
                null,
                null);

        JsonNode notice = tree(toInterpol(wanted.withBody(replacePerson(wanted.body(), odd))));

        assertThat(notice.get("sex_id").asText()).isEqualTo("U");
        assertThat(notice.get("date_of_birth").asText()).isEqualTo("1986");
        assertThat(notice.get("nationalities")).extracting(JsonNode::asText).containsExactly("DE", "XK");
        assertThat(schema.violations(notice)).isEmpty();
    }

    /** An exchange mapped from red notice 2019/12345 → written back with that entity_id. */
    @Test
    void writesTheEntityIdOfAPublishedNotice() {
        Exchange fromInterpol = new NoticeMapper()
                .toExchange(NoticeType.RED, InterpolFixtures.ochirbatWantedByMongoliaAndRussia(), CREATED);

        JsonNode notice = tree(toInterpol(fromInterpol));

        assertThat(notice.get("entity_id").asText()).isEqualTo("2019/12345");
        assertThat(notice.get("arrest_warrants")
                        .get(0)
                        .get("issuing_country_id")
                        .isNull())
                .as("INTERPOL-NCB names no country")
                .isTrue();
        assertThat(schema.violations(notice)).isEmpty();
    }

    /**
     * Canonical → notice JSON → (INTERPOL publishes it as 2025/99999) → canonical: names, original
     * script, aliases, birth date, sex, nationalities and place of birth survive.
     */
    @ParameterizedTest
    @EnumSource(
            value = Category.class,
            names = {"WANTED_PERSON", "MISSING_PERSON"})
    void roundTripKeepsThePerson(Category category) {
        Exchange original = sample(category);
        NoticeType type = category == Category.WANTED_PERSON ? NoticeType.RED : NoticeType.YELLOW;
        byte[] published = InterpolFixtures.edited(toInterpol(original), n -> n.put("entity_id", "2025/99999"));

        Exchange back = new NoticeMapper().toExchange(type, published, CREATED);

        Person sent = original.body().subjects(Person.class).get(0);
        Person received = back.body().subjects(Person.class).get(0);
        assertThat(received.surname()).isEqualTo(sent.surname());
        assertThat(received.givenNames()).isEqualTo(sent.givenNames());
        assertThat(received.nameInOriginalScript()).isEqualTo(sent.nameInOriginalScript());
        assertThat(received.aliases()).isEqualTo(sent.aliases());
        assertThat(received.dateOfBirth()).isEqualTo(sent.dateOfBirth());
        assertThat(received.sex()).isEqualTo(sent.sex());
        assertThat(received.nationalities()).isEqualTo(sent.nationalities());
        assertThat(received.placeOfBirth()).isEqualTo(sent.placeOfBirth());
        assertThat(back.header().category()).isEqualTo(category);
    }

    /** Missing person → yellow → canonical: the place last seen comes back as a location in the same country. */
    @Test
    void roundTripKeepsThePlaceOfDisappearance() {
        byte[] published = InterpolFixtures.edited(
                toInterpol(sample(Category.MISSING_PERSON)), n -> n.put("entity_id", "2025/99998"));

        Exchange back = new NoticeMapper().toExchange(NoticeType.YELLOW, published, CREATED);

        assertThat(back.body().subjects(Location.class))
                .containsExactly(new Location(
                        "L1", null, null, null, "MNG", "Zamyn-Üüd minibus stand next to the railway station."));
    }

    private byte[] toInterpol(Exchange view) {
        return writer.write(view, MESSAGE_ID, "INTERPOL-NCB", CREATED);
    }

    private static JsonNode broken(JsonNode good, Consumer<ObjectNode> change) {
        ObjectNode copy = good.deepCopy();
        change.accept(copy);
        return copy;
    }

    private static Body replacePerson(Body body, Person person) {
        List<Subject> subjects = body.subjects().stream()
                .map(s -> s.id().equals(person.id()) ? person : s)
                .toList();
        return body.withSubjects(subjects);
    }
}
