package io.borderlink.adapters.interpol;

import static io.borderlink.adapters.interpol.InterpolFixtures.edited;
import static io.borderlink.adapters.interpol.InterpolFixtures.gantulgaMissingAtZamynUud;
import static io.borderlink.adapters.interpol.InterpolFixtures.kuznetsovaWantedByRussia;
import static io.borderlink.adapters.interpol.InterpolFixtures.ochirbatWantedByMongoliaAndRussia;
import static io.borderlink.adapters.interpol.InterpolFixtures.riUnderUnSanctions;
import static io.borderlink.adapters.interpol.InterpolFixtures.wangWithoutForenameAndPartialBirthDate;
import static io.borderlink.adapters.interpol.InterpolFixtures.zhumabekovWithTwoNationalities;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Association;
import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Classification;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.HandlingCode;
import io.borderlink.contracts.exchange.Location;
import io.borderlink.contracts.exchange.PartialDate;
import io.borderlink.contracts.exchange.Person;
import io.borderlink.contracts.exchange.Sex;
import io.borderlink.contracts.exchange.SourceRef;
import io.borderlink.contracts.exchange.SourceReliability;
import io.borderlink.contracts.exchange.Tlp;
import io.borderlink.contracts.xml.SecureXml;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NoticeMapperTest {

    private static final Instant RECEIVED = Instant.parse("2025-11-20T06:00:00Z");

    private final NoticeMapper mapper = new NoticeMapper();

    /** Red notice with two warrants → WANTED_PERSON about one person, keyed by the entity_id. */
    @Test
    void mapsARedNoticeToAWantedPerson() {
        Exchange wanted = red(ochirbatWantedByMongoliaAndRussia());

        assertThat(wanted.header().category()).isEqualTo(Category.WANTED_PERSON);
        assertThat(wanted.header().originator()).isEqualTo("INTERPOL-NCB");
        assertThat(wanted.header().addressees()).isEmpty();
        assertThat(wanted.header().sourceRefs()).containsExactly(new SourceRef("INTERPOL", "2019/12345"));
        assertThat(wanted.header().purpose().code()).isEqualTo("INTERPOL_NOTICE");
        assertThat(wanted.header().purpose().text()).isEqualTo("INTERPOL red notice 2019/12345");
        assertThat(wanted.body().subjects())
                .containsExactly(new Person(
                        "P1",
                        "OCHIRBAT",
                        "TUMURBAATAR",
                        null,
                        null,
                        PartialDate.parse("1979-03-08"),
                        Sex.M,
                        List.of("MNG"),
                        "ERDENET, Mongolia",
                        null));
        assertThat(wanted.body().associations()).isEmpty();
        assertThat(wanted.body().sourceDetails()).isNull();
        assertThat(wanted.body().internalNotes()).isNull();
    }

    /** Red notice 2019/12345 → the narrative, line by line in a fixed order, in English. */
    @Test
    void writesEverythingTheModelCannotHoldIntoAnEnglishNarrative() {
        Exchange wanted = red(ochirbatWantedByMongoliaAndRussia());

        assertThat(wanted.body().narrative().lang()).isEqualTo("en");
        assertThat(wanted.body().narrative().text())
                .isEqualTo(
                        """
                        INTERPOL red notice 2019/12345 (public extract): OCHIRBAT TUMURBAATAR is wanted for prosecution or to serve a sentence.
                        Sex: male. Date of birth: 1979-03-08. Place of birth: ERDENET, Mongolia. Nationality: Mongolia.
                        Arrest warrant issued by Mongolia: Fraud committed on an especially large scale (Criminal Code of Mongolia, article 17.3, part 3): \
                        obtaining about 3.1 billion MNT from investors in a fictitious coal export scheme, 2016 to 2018. Money laundering (article 18.6).
                        Arrest warrant issued by Russia: Контрабанда стратегически важных товаров и ресурсов (статья 226.1 УК РФ). \
                        (English translation: Smuggling of strategically important goods and resources \
                        (article 226.1 of the Criminal Code of the Russian Federation)).
                        Height: 1.76 m. Weight: 84 kg. Eye colour: brown. Hair colour: black, grey.
                        Distinguishing marks: Tattoo of a horse on the right forearm.
                        Languages spoken: Mongolian, Russian, English.""");
    }

    /** A charge with CRLF line breaks → one line in the narrative, no carriage return anywhere. */
    @Test
    void joinsChargeLinesWithoutCarriageReturns() {
        String narrative =
                red(ochirbatWantedByMongoliaAndRussia()).body().narrative().text();

        assertThat(narrative).doesNotContain("\r");
        assertThat(narrative.lines().filter(l -> l.startsWith("Arrest warrant")))
                .hasSize(2);
    }

    /** Forename "-", birth date 1987/04, height and weight 0 → no given names, year-month date, no measurements. */
    @Test
    void readsTheApisPlaceholdersAsUnknown() {
        Exchange wanted = red(wangWithoutForenameAndPartialBirthDate());
        Person wang = person(wanted);

        assertThat(wang.surname()).isEqualTo("WANG BAOGANG");
        assertThat(wang.givenNames()).isNull();
        assertThat(wang.dateOfBirth()).isEqualTo(new PartialDate(1987, 4, null));
        assertThat(wang.placeOfBirth()).isEqualTo("China");
        assertThat(wanted.body().narrative().text())
                .contains("Date of birth: 1987-04.")
                .doesNotContain("Height", "Weight", "colour", "Distinguishing", " -");
    }

    /** Birth year only and two nationalities → year-only date, both nationalities in alpha-3, in order. */
    @Test
    void keepsAYearOnlyBirthDateAndEveryNationality() {
        Person zhumabekov = person(red(zhumabekovWithTwoNationalities()));

        assertThat(zhumabekov.dateOfBirth()).isEqualTo(new PartialDate(1975, null, null));
        assertThat(zhumabekov.nationalities()).containsExactly("KAZ", "RUS");
    }

    /** Hair code BROH and eye code OTHD, which have no plain meaning → written as published, not guessed. */
    @Test
    void writesColourCodesWithoutAPlainMeaningAsPublished() {
        assertThat(red(kuznetsovaWantedByRussia()).body().narrative().text())
                .contains("Eye colour: blue. Hair colour: BROH.");
        assertThat(red(zhumabekovWithTwoNationalities()).body().narrative().text())
                .contains("Eye colour: OTHD. Hair colour: black.");
    }

    /** Yellow notice → MISSING_PERSON with the place of disappearance as a location the person was last seen at. */
    @Test
    void mapsAYellowNoticeToAMissingPersonLastSeenAtThePlace() {
        Exchange missing = mapper.toExchange(NoticeType.YELLOW, gantulgaMissingAtZamynUud(), RECEIVED);

        assertThat(missing.header().category()).isEqualTo(Category.MISSING_PERSON);
        assertThat(person(missing).givenNames()).isEqualTo("SARANTUYA");
        assertThat(person(missing).sex()).isEqualTo(Sex.F);
        assertThat(missing.body().subjects(Location.class))
                .containsExactly(new Location("L1", null, null, null, "MNG", "ZAMYN-UUD, DORNOGOVI PROVINCE"));
        assertThat(missing.body().associations()).containsExactly(new Association("P1", "L1", "LAST_SEEN_AT"));
        assertThat(missing.body().narrative().text())
                .contains("INTERPOL yellow notice 2024/17342 (public extract): GANTULGA SARANTUYA is missing.")
                .contains(
                        "Date of disappearance: 2024-06-02. Place of disappearance: ZAMYN-UUD, DORNOGOVI PROVINCE, Mongolia.")
                .contains("Father's forename: GANTULGA. Mother's name: DAVAASUREN. Mother's forename: OYUNTSETSEG.")
                .contains("Languages spoken: Mongolian, Chinese.");
    }

    /** UN person notice → PERSON_ALERT with original script and aliases, sanctions details in the narrative. */
    @Test
    void mapsAUnPersonNoticeToAPersonAlert() {
        Exchange alert = mapper.toExchange(NoticeType.UN, riUnderUnSanctions(), RECEIVED);
        Person ri = person(alert);

        assertThat(alert.header().category()).isEqualTo(Category.PERSON_ALERT);
        assertThat(ri.nameInOriginalScript()).isEqualTo("리 철민");
        assertThat(ri.aliases()).containsExactly("RI CHOL-MIN", "LI ZHEMIN");
        assertThat(ri.nationalities()).containsExactly("PRK");
        assertThat(alert.body().narrative().text())
                .contains("UN reference: KPi.099. UN Security Council resolution: 1718. Listed on: 2016-11-30.")
                .contains("Sanctions: Assets freeze; Travel ban.")
                .contains("Addresses: Dandong, Liaoning Province, China.")
                .doesNotContain("Associates");
    }

    /** Any notice → the documented defaults: UNCLASSIFIED, TLP:GREEN, not releasable abroad, H0, B2. */
    @Test
    void marksEveryNoticeWithTheProjectDefaults() {
        Exchange wanted = red(ochirbatWantedByMongoliaAndRussia());

        assertThat(wanted.markings().classification()).isEqualTo(Classification.UNCLASSIFIED);
        assertThat(wanted.markings().tlp()).isEqualTo(Tlp.GREEN);
        assertThat(wanted.markings().releasableTo()).isEmpty();
        assertThat(wanted.markings().handlingCode()).isEqualTo(HandlingCode.H0);
        assertThat(wanted.markings().sourceReliability()).isEqualTo(SourceReliability.B);
        assertThat(wanted.markings().informationAccuracy()).isEqualTo(2);
        assertThat(wanted.header().createdAt()).isEqualTo(RECEIVED);
    }

    static Stream<Arguments> everyDetailFixture() {
        return Stream.of(
                Arguments.of(NoticeType.RED, "red-detail-2019-12345.json"),
                Arguments.of(NoticeType.RED, "red-detail-2021-40417.json"),
                Arguments.of(NoticeType.RED, "red-detail-2022-28731.json"),
                Arguments.of(NoticeType.RED, "red-detail-2023-51608.json"),
                Arguments.of(NoticeType.YELLOW, "yellow-detail-2024-17342.json"),
                Arguments.of(NoticeType.UN, "un-persons-detail-2016-33017.json"));
    }

    /** Every detail fixture → an exchange that is valid against exchange-v1.xsd. */
    @ParameterizedTest
    @MethodSource("everyDetailFixture")
    void mapsEveryFixtureToAValidCanonicalExchange(NoticeType type, String fixture) {
        Exchange exchange = mapper.toExchange(type, InterpolFixtures.bytes(fixture), RECEIVED);

        assertThatCode(() -> ExchangeXml.validate(SecureXml.parse(ExchangeXml.write(exchange))))
                .doesNotThrowAnyException();
        assertThat(ExchangeXml.read(SecureXml.parse(ExchangeXml.write(exchange))))
                .isEqualTo(exchange);
    }

    /** Nationalities "mn", "XK", "ZZ", "MN" → MNG and RKS once each; ZZ, known to no table, only in the narrative. */
    @Test
    void convertsNationalitiesToAlpha3AndKeepsUnknownCodesInTheNarrative() {
        Exchange wanted = red(edit(
                ochirbatWantedByMongoliaAndRussia(),
                n -> n.putArray("nationalities").add("mn").add("XK").add("ZZ").add("MN")));

        assertThat(person(wanted).nationalities()).containsExactly("MNG", "RKS");
        assertThat(wanted.body().narrative().text()).contains("Nationality: Mongolia, Kosovo, ZZ.");
    }

    /** Forename null → no given names. */
    @Test
    void readsANullForenameAsNoGivenNames() {
        Person person = person(red(edit(ochirbatWantedByMongoliaAndRussia(), n -> n.putNull("forename"))));

        assertThat(person.surname()).isEqualTo("OCHIRBAT");
        assertThat(person.givenNames()).isNull();
    }

    /** Name null, forename present → the forename is the surname, as ICAO 9303 writes a mononym. */
    @Test
    void takesTheOnlyKnownNameAsTheSurname() {
        Person person = person(red(edit(ochirbatWantedByMongoliaAndRussia(), n -> n.putNull("name"))));

        assertThat(person.surname()).isEqualTo("TUMURBAATAR");
        assertThat(person.givenNames()).isNull();
    }

    /** Name "-" and no forename → SCHEMA_INVALID naming the notice. */
    @Test
    void refusesANoticeWithoutAnyName() {
        byte[] nameless = edit(ochirbatWantedByMongoliaAndRussia(), n -> {
            n.put("name", "-");
            n.remove("forename");
        });

        assertThatThrownBy(() -> red(nameless))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_INVALID))
                .hasMessageContaining("2019/12345")
                .hasMessageContaining("no name and no forename");
    }

    /** No entity_id, or one that is not YYYY/NNNNN → SCHEMA_INVALID: there is nothing to key the notice by. */
    @ParameterizedTest
    @CsvSource(
            value = {"NULL", "'../../admin'", "2019-12345", "'  '"},
            nullValues = "NULL")
    void refusesANoticeWithoutAUsableEntityId(String entityId) {
        byte[] unkeyed = edit(ochirbatWantedByMongoliaAndRussia(), n -> n.put("entity_id", entityId));

        assertThatThrownBy(() -> red(unkeyed))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_INVALID))
                .hasMessageContaining("entity_id");
    }

    /** Truncated JSON, a JSON array, or a duplicate key → SCHEMA_INVALID. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"entity_id\": \"2019/12345\", \"name\": ",
                "[]",
                "{\"entity_id\": \"2019/12345\", \"name\": \"A\", \"name\": \"B\"}"
            })
    void refusesJsonThatIsNotOneNotice(String json) {
        assertThatThrownBy(() -> red(json.getBytes(UTF_8)))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_INVALID));
    }

    /** A notice with an id, a name and nothing else, or with every other field null → a person of unknown sex. */
    @Test
    void toleratesANoticeWithEveryOtherFieldMissingOrNull() {
        byte[] bare = "{\"entity_id\":\"2020/00017\",\"name\":\"BOLD\"}".getBytes(UTF_8);
        byte[] everyFieldNull = edit(ochirbatWantedByMongoliaAndRussia(), n -> {
            List<String> fields = new ArrayList<>();
            n.fieldNames().forEachRemaining(fields::add);
            fields.stream()
                    .filter(f -> !f.equals("entity_id") && !f.equals("name"))
                    .forEach(n::putNull);
        });

        Person bold = person(red(bare));
        Person ochirbat = person(red(everyFieldNull));

        assertThat(bold).isEqualTo(new Person("P1", "BOLD", null, null, null, null, Sex.U, null, null, null));
        assertThat(ochirbat).isEqualTo(new Person("P1", "OCHIRBAT", null, null, null, null, Sex.U, null, null, null));
        assertThat(red(everyFieldNull).body().narrative().text())
                .isEqualTo(
                        "INTERPOL red notice 2019/12345 (public extract): OCHIRBAT is wanted for prosecution or to serve a sentence.");
    }

    /** Birth dates as published → the partial date the canonical model holds, or none when impossible. */
    @ParameterizedTest
    @CsvSource(
            value = {
                "1987/04/23, 1987-04-23",
                "1987/04, 1987-04",
                "1987, 1987",
                "1987-04-23, 1987-04-23",
                "1987/4/3, 1987-04-03",
                "1987/00/00, 1987",
                "1987/04/00, 1987-04",
                "1987/02/30, NULL",
                "0000, NULL",
                "23.04.1987, NULL"
            },
            nullValues = "NULL")
    void readsPartialBirthDates(String published, String canonical) {
        Person person = person(red(edit(ochirbatWantedByMongoliaAndRussia(), n -> n.put("date_of_birth", published))));

        assertThat(person.dateOfBirth()).isEqualTo(canonical == null ? null : PartialDate.parse(canonical));
    }

    /** Birth date 1987/02/30 → no date of birth, but the narrative says what was published. */
    @Test
    void keepsAnImpossibleBirthDateInTheNarrative() {
        Exchange wanted = red(edit(ochirbatWantedByMongoliaAndRussia(), n -> n.put("date_of_birth", "1987/02/30")));

        assertThat(wanted.body().narrative().text()).contains("Date of birth as published: 1987/02/30.");
    }

    /** sex_id M, F, U, lower case, an unknown value or null → M, F, U, and U for everything not M or F. */
    @ParameterizedTest
    @CsvSource(
            value = {"M, M", "F, F", "U, U", "f, F", "X, U", "NULL, U"},
            nullValues = "NULL")
    void readsSexIds(String sexId, Sex sex) {
        assertThat(person(red(edit(ochirbatWantedByMongoliaAndRussia(), n -> n.put("sex_id", sexId))))
                        .sex())
                .isEqualTo(sex);
    }

    /** Height and weight as strings, as 0.0 or negative → measured, unknown, unknown. */
    @Test
    void readsMeasurementsGivenAsTextAndIgnoresNonPositiveOnes() {
        String asText = red(edit(ochirbatWantedByMongoliaAndRussia(), n -> {
                    n.put("height", "1.80");
                    n.put("weight", "79");
                }))
                .body()
                .narrative()
                .text();
        String nonPositive = red(edit(ochirbatWantedByMongoliaAndRussia(), n -> {
                    n.put("height", 0.0);
                    n.put("weight", -1);
                }))
                .body()
                .narrative()
                .text();

        assertThat(asText).contains("Height: 1.8 m. Weight: 79 kg.");
        assertThat(nonPositive).doesNotContain("Height", "Weight");
    }

    /** Fields the mapper does not know, at the top and inside a warrant → the same person and narrative. */
    @Test
    void ignoresFieldsItDoesNotKnow() {
        Exchange plain = red(ochirbatWantedByMongoliaAndRussia());
        Exchange extended = red(edit(ochirbatWantedByMongoliaAndRussia(), n -> {
            n.putObject("wanted_by_court")
                    .put("name", "Chingeltei District Court")
                    .putArray("codes");
            ((ObjectNode) n.get("arrest_warrants").get(0)).put("warrant_date", "2019/01/30");
        }));

        assertThat(extended.body()).isEqualTo(plain.body());
    }

    /** The same notice with its keys in another order and other white space → the identical exchange. */
    @Test
    void mapsTheSameNoticeToTheSameExchangeWhateverItsLayout() {
        byte[] compactSorted = NoticeJson.canonical(InterpolFixtures.tree(ochirbatWantedByMongoliaAndRussia()));

        assertThat(red(compactSorted)).isEqualTo(red(ochirbatWantedByMongoliaAndRussia()));
    }

    /** Polling the same version twice → same exchange id; a changed charge → new id, same correlation id. */
    @Test
    void keepsTheExchangeIdAcrossPollsAndChangesItWithTheContent() {
        Exchange first = red(ochirbatWantedByMongoliaAndRussia());
        Exchange again = red(ochirbatWantedByMongoliaAndRussia());
        Exchange updated = red(edit(
                ochirbatWantedByMongoliaAndRussia(),
                n -> ((ObjectNode) n.get("arrest_warrants").get(1)).put("charge_translation", "Smuggling.")));

        assertThat(again.header().exchangeId()).isEqualTo(first.header().exchangeId());
        assertThat(updated.header().exchangeId()).isNotEqualTo(first.header().exchangeId());
        assertThat(updated.header().correlationId()).isEqualTo(first.header().correlationId());
    }

    /** A new thumbnail link and nothing else → the same version: hypermedia is not content. */
    @Test
    void ignoresHypermediaInTheVersion() {
        byte[] newThumbnail = edit(ochirbatWantedByMongoliaAndRussia(), n -> ((ObjectNode) n.get("_links"))
                .putObject("thumbnail")
                .put("href", "https://ws-public.interpol.int/notices/v1/red/2019-12345/images/70000001"));

        assertThat(mapper.version(NoticeType.RED, newThumbnail))
                .isEqualTo(mapper.version(NoticeType.RED, ochirbatWantedByMongoliaAndRussia()));
    }

    /** version() of a detail → the entity id, URL id, type and digest that toExchange() used for its ids. */
    @Test
    void reportsTheVersionTheExchangeIdIsMadeFrom() {
        NoticeVersion version = mapper.version(NoticeType.RED, ochirbatWantedByMongoliaAndRussia());
        Exchange wanted = red(ochirbatWantedByMongoliaAndRussia());

        assertThat(version.entityId()).isEqualTo("2019/12345");
        assertThat(version.urlId()).isEqualTo("2019-12345");
        assertThat(version.noticeType()).isEqualTo("red");
        assertThat(version.digest()).matches("[0-9a-f]{64}");
        assertThat(wanted.header().exchangeId()).isEqualTo(version.exchangeId());
        assertThat(wanted.header().correlationId()).isEqualTo(version.correlationId());
        assertThat(version.exchangeId())
                .isEqualTo(UUID.nameUUIDFromBytes(("INTERPOL/2019/12345/" + version.digest()).getBytes(UTF_8)));
    }

    /** A URL id built from a well-formed entity id → the detail path; anything else → refused. */
    @Test
    void buildsDetailPathsOnlyFromWellFormedIds() {
        assertThat(NoticeType.UN.detailPath("2016-33017")).isEqualTo("un/persons/2016-33017");
        assertThatThrownBy(() -> NoticeType.RED.detailPath("2019-12345/../../admin"))
                .isInstanceOf(GatewayException.class);
    }

    /** Red notice 2019/12345 gone from the list → a valid exchange of its own, linked to the version agencies got. */
    @Test
    void saysANoticeIsWithdrawnUnderItsOwnIdLinkedToTheLastVersion() {
        byte[] last = ochirbatWantedByMongoliaAndRussia();
        Exchange delivered = red(last);
        Instant gone = RECEIVED.plusSeconds(3600);

        Exchange withdrawal = mapper.toWithdrawal(NoticeType.RED, last, gone);

        NoticeVersion version = mapper.version(NoticeType.RED, last);
        assertThat(withdrawal.header().exchangeId())
                .isEqualTo(version.withdrawalId())
                .isNotEqualTo(delivered.header().exchangeId());
        assertThat(withdrawal.header().correlationId())
                .isEqualTo(delivered.header().correlationId());
        assertThat(withdrawal.header().createdAt()).isEqualTo(gone);
        assertThat(withdrawal.header().category()).isEqualTo(Category.WANTED_PERSON);
        assertThat(withdrawal.header().purpose().code()).isEqualTo("INTERPOL_NOTICE_WITHDRAWN");
        assertThat(withdrawal.header().sourceRefs()).containsExactly(new SourceRef("INTERPOL", "2019/12345"));
        assertThat(withdrawal.body().subjects()).isEqualTo(delivered.body().subjects());
        assertThat(withdrawal.body().narrative().text())
                .startsWith("No longer published: INTERPOL red notice 2019/12345 is not on INTERPOL's public list")
                .endsWith(delivered.body().narrative().text());
        assertThatCode(() -> ExchangeXml.validate(SecureXml.parse(ExchangeXml.write(withdrawal))))
                .doesNotThrowAnyException();
    }

    /** The same notice back on the list after a withdrawal → the first exchange again under an id of its own. */
    @Test
    void republishesANoticeBackOnTheListUnderAnIdOfItsOwn() {
        byte[] json = ochirbatWantedByMongoliaAndRussia();
        Exchange first = red(json);
        NoticeVersion version = mapper.version(NoticeType.RED, json);

        Exchange again = mapper.toRepublication(NoticeType.RED, json, RECEIVED, version.withdrawalId());

        assertThat(again.header().exchangeId())
                .isEqualTo(version.republicationId(version.withdrawalId()))
                .isNotIn(version.exchangeId(), version.withdrawalId());
        assertThat(again.header().correlationId()).isEqualTo(first.header().correlationId());
        assertThat(again.header().purpose()).isEqualTo(first.header().purpose());
        assertThat(again.body().subjects()).isEqualTo(first.body().subjects());
        assertThat(again.body().narrative().text())
                .startsWith("Published again: INTERPOL red notice 2019/12345 is back")
                .endsWith(first.body().narrative().text());
    }

    private Exchange red(byte[] json) {
        return mapper.toExchange(NoticeType.RED, json, RECEIVED);
    }

    private static byte[] edit(byte[] notice, Consumer<ObjectNode> change) {
        return edited(notice, change);
    }

    private static Person person(Exchange exchange) {
        return exchange.body().subjects(Person.class).get(0);
    }
}
