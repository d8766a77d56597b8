package io.borderlink.adapters.wco;

import static io.borderlink.adapters.format.XmlFixtures.bytes;
import static io.borderlink.adapters.format.XmlFixtures.normalised;
import static io.borderlink.adapters.format.XmlFixtures.resource;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderlink.adapters.format.TestIdentity;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Association;
import io.borderlink.contracts.exchange.Body;
import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Classification;
import io.borderlink.contracts.exchange.Consignment;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.HandlingCode;
import io.borderlink.contracts.exchange.Header;
import io.borderlink.contracts.exchange.Location;
import io.borderlink.contracts.exchange.Markings;
import io.borderlink.contracts.exchange.Narrative;
import io.borderlink.contracts.exchange.Party;
import io.borderlink.contracts.exchange.Person;
import io.borderlink.contracts.exchange.SeizedGoods;
import io.borderlink.contracts.exchange.Sex;
import io.borderlink.contracts.exchange.SourceDetails;
import io.borderlink.contracts.exchange.SourceRef;
import io.borderlink.contracts.exchange.SourceReliability;
import io.borderlink.contracts.exchange.Subject;
import io.borderlink.contracts.exchange.Tlp;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.Dom;
import io.borderlink.contracts.xml.SecureXml;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class WcoTranslatorTest {

    private static final UUID MESSAGE_ID = UUID.fromString("0b6f1d2e-5a3c-4e8b-9f71-2c4d6e8a0b13");
    private static final Instant CREATED = Instant.parse("2025-11-17T09:00:00Z");

    private final WcoTranslator translator = new WcoTranslator(TestIdentity.MONGOLIA);

    /** Each customs sample → a message valid against wco-enforcement-v1.xsd. */
    @ParameterizedTest
    @EnumSource(
            value = Category.class,
            names = {"SEIZURE_REPORT", "CUSTOMS_RISK_ALERT", "WILDLIFE_TRAFFICKING"})
    void writesMessagesThatAreValidWco(Category category) {
        Document message = toRilo(sample(category));

        assertThatCode(() -> SecureXml.validate(message, SecureXml.schema(WcoTranslator.SCHEMA)))
                .doesNotThrowAnyException();
    }

    /** The tobacco seizure sample → exactly seizure-report/expected.xml. */
    @Test
    void writesTheSeizureReportAsTheGoldenFile() {
        Document message = toRilo(sample(Category.SEIZURE_REPORT));

        assertThat(normalised(message)).isEqualTo(normalised(resource("/wco/seizure-report/expected.xml")));
    }

    /** Each customs sample → no surname, given name, original-script name, alias, declarant or party name in the bytes. */
    @ParameterizedTest
    @EnumSource(
            value = Category.class,
            names = {"SEIZURE_REPORT", "CUSTOMS_RISK_ALERT", "WILDLIFE_TRAFFICKING"})
    void neverWritesTheNameOfAPersonDeclarantOrParty(Category category) {
        Exchange view = sample(category);
        List<String> names = names(view.body());
        assertThat(names).isNotEmpty();

        String xml = text(toRilo(view));

        assertThat(names).allSatisfy(name -> assertThat(xml).doesNotContainIgnoringCase(name));
        assertThat(xml).doesNotContain("<Party>", "DECLARANT_OF", "DRIVER_OF", "CONVEYANCE_OF");
    }

    /** The risk alert sample, whose narrative names the declarant → risk indicators with the name marked as withheld. */
    @Test
    void marksTheDeclarantsNameInTheRiskIndicatorsAsWithheld() {
        String xml = text(toRilo(sample(Category.CUSTOMS_RISK_ALERT)));

        assertThat(xml).contains("declared by a newly registered importer, [withheld], and sent by rail from Erenhot");
    }

    /** A person named in free text in mixed case, in Cyrillic and by alias → every mention withheld. */
    @Test
    void withholdsAPersonsNameWhereverFreeTextMentionsIt() {
        Exchange alert = sample(Category.CUSTOMS_RISK_ALERT);
        Person director = new Person(
                "P9",
                "BATBAYAR",
                "GANBOLD",
                "Батбаярын Ганболд",
                List.of("GANA"),
                null,
                Sex.M,
                List.of("MNG"),
                null,
                List.of());
        List<Subject> subjects = new ArrayList<>(alert.body().subjects());
        subjects.add(director);
        Consignment consignment = alert.body().subjects(Consignment.class).get(0);
        subjects.set(
                subjects.indexOf(consignment),
                withDetection(consignment, "Director Batbayar (Gana) signed the declarations"));
        Body body = new Body(
                subjects,
                alert.body().associations(),
                new Narrative(
                        "The consignor's director, Mr Batbayar Ganbold (Батбаярын Ганболд), is known as Gana.", "en"),
                null,
                null);

        String xml = text(toRilo(alert.withBody(body)));

        assertThat(xml)
                .doesNotContainIgnoringCase("Batbayar")
                .doesNotContainIgnoringCase("Ganbold")
                .doesNotContainIgnoringCase("Gana")
                .doesNotContain("Батбаярын", "Ганболд")
                .contains("The consignor's director, Mr [withheld] [withheld] ([withheld]), is known as [withheld].")
                .contains(
                        "<DetectionMethod>Director [withheld] ([withheld]) signed the declarations</DetectionMethod>");
    }

    /** A view that still holds source details and internal notes → neither is written, nor the source's name elsewhere. */
    @Test
    void neverWritesSourceDetailsOrInternalNotes() {
        Exchange seizure = sample(Category.SEIZURE_REPORT);
        SourceDetails source =
                new SourceDetails("Freight forwarder employee at Erenhot", "DORJ Bold", "MC-2025-17", "Officer Tumur");
        Exchange view = seizure.withBody(new Body(
                seizure.body().subjects(),
                seizure.body().associations(),
                seizure.body().narrative(),
                source,
                "Do not share the forwarder's name with the RILO."));

        String xml = text(toRilo(view));

        assertThat(xml)
                .doesNotContain(source.description(), "DORJ", "MC-2025-17", "Tumur", "forwarder")
                .doesNotContain("SourceDetails", "InternalNotes");
    }

    /** A location linked only to a person (an address) → left out; the seizure place stays. */
    @Test
    void leavesOutALocationThatOnlyLocatesAPerson() {
        Exchange seizure = sample(Category.SEIZURE_REPORT);
        List<Subject> subjects = new ArrayList<>(seizure.body().subjects());
        subjects.add(new Location("L9", null, null, null, "MNG", "Apartment 12, 3rd khoroo, Sükhbaatar district"));
        List<Association> associations = new ArrayList<>(seizure.body().associations());
        associations.add(new Association("P1", "L9", "RESIDES_AT"));
        Exchange view = seizure.withBody(new Body(
                subjects,
                associations,
                seizure.body().narrative(),
                null,
                seizure.body().internalNotes()));

        String xml = text(toRilo(view));

        assertThat(xml).contains("<Place id=\"L1\">").doesNotContain("L9", "Apartment 12", "RESIDES_AT");
    }

    /** Any message → the element after the header is the Report the gateway encrypts. */
    @Test
    void marksTheReportElementForEncryption() {
        Document message = toRilo(sample(Category.CUSTOMS_RISK_ALERT));
        Node report = Dom.children(message.getDocumentElement()).get(1);

        assertThat(new QName(report.getNamespaceURI(), report.getLocalName())).isEqualTo(WcoTranslator.REPORT);
    }

    /** The same view twice → the same bytes, so digests of partner messages are stable. */
    @Test
    void writesTheSameBytesForTheSameView() {
        assertThat(SecureXml.serialize(toRilo(sample(Category.WILDLIFE_TRAFFICKING))))
                .isEqualTo(SecureXml.serialize(toRilo(sample(Category.WILDLIFE_TRAFFICKING))));
    }

    /** Wildlife goods without a commodity category → written with the CEN category CITES. */
    @Test
    void givesWildlifeGoodsWithoutACategoryTheCitesCategory() {
        Exchange wildlife = sample(Category.WILDLIFE_TRAFFICKING);
        Consignment consignment = wildlife.body().subjects(Consignment.class).get(0);
        List<SeizedGoods> uncategorised = consignment.seizedGoods().stream()
                .map(g -> new SeizedGoods(g.description(), null, g.quantity(), g.unit()))
                .toList();
        Exchange view = wildlife.withBody(wildlife.body()
                .withSubjects(wildlife.body().subjects().stream()
                        .map(s -> s == consignment ? withSeizedGoods(consignment, uncategorised) : s)
                        .toList()));

        Exchange back = roundTrip(view);

        assertThat(back.body().subjects(Consignment.class).get(0).seizedGoods())
                .extracting(SeizedGoods::commodityCategory)
                .containsExactly("CITES", "CITES");
    }

    /** Canonical → WCO → canonical keeps containers, HS code, seized goods, conveyance, origin, route, places and markings. */
    @ParameterizedTest
    @EnumSource(
            value = Category.class,
            names = {"SEIZURE_REPORT", "CUSTOMS_RISK_ALERT", "WILDLIFE_TRAFFICKING"})
    void roundTripKeepsGoodsShipmentsPlacesAndMarkings(Category category) {
        Exchange original = sample(category);

        Exchange back = roundTrip(original);

        assertThat(back.body().subjects(Consignment.class))
                .isEqualTo(original.body().subjects(Consignment.class).stream()
                        .map(WcoTranslatorTest::withoutNames)
                        .toList());
        assertThat(back.body().subjects(Location.class))
                .isEqualTo(original.body().subjects(Location.class));
        assertThat(back.body().subjects(Person.class)).isEmpty();
        Set<String> consignments = ids(original.body().subjects(Consignment.class));
        Set<String> locations = ids(original.body().subjects(Location.class));
        assertThat(back.body().associations())
                .isEqualTo(original.body().associations().stream()
                        .filter(a -> consignments.contains(a.fromId()) && locations.contains(a.toId()))
                        .toList());
        assertThat(back.markings()).isEqualTo(asReceivedBack(original.markings()));
        assertThat(back.header().correlationId()).isEqualTo(original.header().correlationId());
        assertThat(back.header().category())
                .isEqualTo(category == Category.CUSTOMS_RISK_ALERT ? category : Category.SEIZURE_REPORT);
        assertThatCode(() -> ExchangeXml.validate(ExchangeXml.toDocument(back))).doesNotThrowAnyException();
    }

    /** A seizure read back → a narrative in words built from its fields. */
    @Test
    void readsASeizureWithANarrativeBuiltFromItsFields() {
        Exchange back = roundTrip(sample(Category.SEIZURE_REPORT));

        assertThat(back.body().narrative().lang()).isEqualTo("en");
        assertThat(back.body().narrative().text())
                .startsWith("Seizure reported by MN-CUSTOMS through WCO-RILO.")
                .contains("Place L1: Zamyn-Üüd–Erenhot (rail), Zamyn-Üüd railway border station")
                .contains(
                        "- 3800000 H87 Cigarettes, \"Double Happiness\" brand, undeclared, 380 master cases [TOBACCO]")
                .contains("- 1250.5 KGM Water-pipe tobacco, undeclared, in 5 kg tins [TOBACCO]")
                .contains("Concealment: Behind a front wall of plastic household goods");
    }

    /** MRN, LRN and UCR source references → Declaration elements and back; a case number → not written. */
    @Test
    void roundTripKeepsDeclarationReferencesAndLeavesCaseNumbersOut() {
        Exchange seizure = sample(Category.SEIZURE_REPORT);
        Header h = seizure.header();
        List<SourceRef> refs = List.of(
                new SourceRef("MN-CUSTOMS-CASES", "ZU-2025-0781"),
                new SourceRef(WcoTranslator.MRN, "25MN10010IM0045781"),
                new SourceRef(WcoTranslator.LRN, "DKT-2025-11-0093"),
                new SourceRef(WcoTranslator.UCR, "5MN6123457-20251108-0007"));
        Exchange view = new Exchange(
                new Header(
                        h.exchangeId(),
                        h.correlationId(),
                        h.createdAt(),
                        h.originator(),
                        h.addressees(),
                        h.category(),
                        h.purpose(),
                        refs),
                seizure.markings(),
                seizure.body());

        assertThat(text(toRilo(view))).doesNotContain("ZU-2025-0781");
        assertThat(roundTrip(view).header().sourceRefs())
                .containsExactly(
                        new SourceRef("WCO-RILO", MESSAGE_ID.toString()), refs.get(1), refs.get(2), refs.get(3));
    }

    /** The RILO's risk alert → a CUSTOMS_RISK_ALERT from WCO-RILO, not releasable abroad, valid against exchange-v1.xsd. */
    @Test
    void readsARiskAlertFromTheRiloAsAValidCanonicalExchange() {
        UUID exchangeId = UUID.fromString("e2d4f6a8-1b3c-4d5e-8f70-9a1b2c3d4e5f");

        Exchange inbound = translator.fromWco(riloRiskAlert(), "WCO-RILO", exchangeId);

        assertThat(inbound.header().exchangeId()).isEqualTo(exchangeId);
        assertThat(inbound.header().originator()).isEqualTo("WCO-RILO");
        assertThat(inbound.header().addressees()).isEmpty();
        assertThat(inbound.header().category()).isEqualTo(Category.CUSTOMS_RISK_ALERT);
        assertThat(inbound.header().createdAt()).isEqualTo(Instant.parse("2025-11-21T01:30:00Z"));
        assertThat(inbound.header().purpose().code()).isEqualTo(WcoTranslator.INBOUND_PURPOSE);
        assertThat(inbound.header().purpose().text()).contains("RILO-AP");
        assertThat(inbound.header().sourceRefs())
                .containsExactly(
                        new SourceRef("WCO-RILO", "4c9e2a71-d0b8-4f35-a6e2-7b1d9c3f5e08"),
                        new SourceRef(WcoTranslator.UCR, "5CN91150100-20251104-0042"));
        assertThat(inbound.markings())
                .isEqualTo(new Markings(
                        Classification.UNCLASSIFIED,
                        Tlp.AMBER,
                        List.of(),
                        HandlingCode.H2,
                        null,
                        SourceReliability.B,
                        2,
                        "FOR_OFFICIAL_USE"));
        assertThat(inbound.body().subjects(Consignment.class))
                .containsExactly(new Consignment(
                        "gs-1",
                        "680293",
                        List.of("TGHU6109233", "MSKU4471832"),
                        "Freight train 3402, Erenhot–Zamyn-Üüd",
                        null,
                        List.of(new Party(
                                "CONSIGNOR",
                                "Inner Mongolia Jinhe Stone Products Co., Ltd. (USCC 91150100MA0QK7XR3B)")),
                        "CHN",
                        List.of("Tianjin, CN", "Erenhot, CN", "Ulaanbaatar, MN"),
                        List.of(),
                        "Targeting on value, consignor age and rerouting",
                        "Behind the front rows of granite tiles on pallets"));
        assertThat(inbound.body().subjects(Location.class))
                .containsExactly(new Location("pl-1", null, null, "Zamyn-Üüd–Erenhot (rail)", "MNG", null));
        assertThat(inbound.body().associations()).containsExactly(new Association("gs-1", "pl-1", "EXPECTED_AT"));
        assertThat(inbound.body().narrative().lang()).isEqualTo("en");
        assertThat(inbound.body().narrative().text())
                .startsWith("Three administrations on the Tianjin–Erenhot–Ulaanbaatar rail corridor")
                .endsWith(
                        "Suspected goods in shipment gs-1: Counterfeit cigarettes, suspected [TOBACCO]; packed 42 PX");
        assertThat(inbound.body().sourceDetails()).isNull();
        assertThat(inbound.body().internalNotes()).isNull();
        assertThatCode(() -> ExchangeXml.validate(ExchangeXml.toDocument(inbound)))
                .doesNotThrowAnyException();
    }

    /** The RILO's alert presented as sent by another partner → ORIGINATOR_MISMATCH. */
    @Test
    void refusesAMessageThatClaimsAnotherSender() {
        assertThatThrownBy(() -> translator.fromWco(riloRiskAlert(), "CN-LIAISON", UUID.randomUUID()))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ORIGINATOR_MISMATCH));
    }

    /** An alert addressed to another gateway → PROFILE_VIOLATION. */
    @Test
    void refusesAMessageAddressedToAnotherGateway() {
        Document elsewhere = edited("<To>MN-BORDERLINK</To>", "<To>KZ-GATEWAY</To>");

        assertThatThrownBy(() -> translator.fromWco(elsewhere, "WCO-RILO", UUID.randomUUID()))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PROFILE_VIOLATION));
    }

    /** A party carrying a person's name, or an alpha-3 country → SCHEMA_INVALID: the schema has no place for either. */
    @Test
    void refusesAMessageThatIsNotValidWco() {
        Stream.of(
                        edited(
                                "<RoleCode>CONSIGNOR</RoleCode>",
                                "<RoleCode>CONSIGNOR</RoleCode><PersonName>WANG Wei</PersonName>"),
                        edited("<CountryCode>MN</CountryCode>", "<CountryCode>MNG</CountryCode>"))
                .forEach(invalid -> assertThatThrownBy(() -> translator.fromWco(invalid, "WCO-RILO", UUID.randomUUID()))
                        .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.code())
                                .isEqualTo(ErrorCode.SCHEMA_INVALID)));
    }

    /** A SEIZURE header over a RiskAlert report → SCHEMA_INVALID. */
    @Test
    void refusesAReportThatContradictsTheMessageType() {
        Document contradictory = edited("<MessageType>RISK_ALERT</MessageType>", "<MessageType>SEIZURE</MessageType>");

        assertThatThrownBy(() -> translator.fromWco(contradictory, "WCO-RILO", UUID.randomUUID()))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_INVALID));
    }

    /** Person, vehicle and border categories → INTERNAL_ERROR: policy must never route them to the WCO. */
    @ParameterizedTest
    @EnumSource(
            value = Category.class,
            names = {"SEIZURE_REPORT", "CUSTOMS_RISK_ALERT", "WILDLIFE_TRAFFICKING"},
            mode = EnumSource.Mode.EXCLUDE)
    void refusesCategoriesTheWcoHasNoMessageTypeFor(Category category) {
        assertThatThrownBy(() -> toRilo(sample(category)))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR))
                .hasMessageContaining(category.name());
    }

    /** A seizure report without a consignment → SCHEMA_INVALID: a CEN seizure needs the goods. */
    @Test
    void refusesASeizureReportWithoutGoods() {
        Exchange seizure = sample(Category.SEIZURE_REPORT);
        Exchange noGoods = seizure.withBody(seizure.body().withoutSubjects(Consignment.class::isInstance));

        assertThatThrownBy(() -> toRilo(noGoods))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_INVALID));
    }

    private Document toRilo(Exchange view) {
        return translator.toWco(view, MESSAGE_ID, "WCO-RILO", CREATED);
    }

    /** What comes back when the RILO answers with the message it received from us. */
    private Exchange roundTrip(Exchange original) {
        Document echoed = SecureXml.parse(SecureXml.serialize(toRilo(original)));
        Element header = Dom.child(echoed.getDocumentElement(), "Header");
        Dom.child(header, "From").setTextContent("WCO-RILO");
        Dom.child(header, "To").setTextContent(TestIdentity.MONGOLIA.id());
        return translator.fromWco(echoed, "WCO-RILO", UUID.randomUUID());
    }

    /** Every name the samples hold (persons whole and word by word, declarants, parties), and document numbers. */
    private static List<String> names(Body body) {
        List<String> names = new ArrayList<>();
        for (Person p : body.subjects(Person.class)) {
            Stream.concat(Stream.of(p.surname(), p.givenNames(), p.nameInOriginalScript()), p.aliases().stream())
                    .filter(n -> n != null)
                    .forEach(n -> {
                        names.add(n);
                        names.addAll(List.of(n.split("\\s+")));
                    });
            p.documents().forEach(d -> names.add(d.number()));
        }
        for (Consignment c : body.subjects(Consignment.class)) {
            if (c.declarant() != null) {
                names.add(c.declarant());
            }
            c.parties().forEach(party -> names.add(party.name()));
        }
        return names;
    }

    private static Set<String> ids(List<? extends Subject> subjects) {
        return subjects.stream().map(Subject::id).collect(Collectors.toSet());
    }

    /** The WCO format carries no declarant and no party (WcoTranslator, class comment). */
    private static Consignment withoutNames(Consignment c) {
        return new Consignment(
                c.id(),
                c.hsCode(),
                c.containerNumbers(),
                c.conveyanceId(),
                null,
                List.of(),
                c.origin(),
                c.route(),
                c.seizedGoods(),
                c.detectionMethod(),
                c.concealmentMethod());
    }

    private static Consignment withDetection(Consignment c, String detectionMethod) {
        return new Consignment(
                c.id(),
                c.hsCode(),
                c.containerNumbers(),
                c.conveyanceId(),
                c.declarant(),
                c.parties(),
                c.origin(),
                c.route(),
                c.seizedGoods(),
                detectionMethod,
                c.concealmentMethod());
    }

    private static Consignment withSeizedGoods(Consignment c, List<SeizedGoods> goods) {
        return new Consignment(
                c.id(),
                c.hsCode(),
                c.containerNumbers(),
                c.conveyanceId(),
                c.declarant(),
                c.parties(),
                c.origin(),
                c.route(),
                goods,
                c.detectionMethod(),
                c.concealmentMethod());
    }

    /** The WCO format carries no releasability (inbound: not releasable abroad) and keeps the level as foreign marking. */
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

    private static Document riloRiskAlert() {
        return resource("/samples/partners/risk-alert-from-wco-rilo.xml");
    }

    private static Document edited(String from, String to) {
        String xml = new String(bytes("/samples/partners/risk-alert-from-wco-rilo.xml"), UTF_8);
        assertThat(xml).contains(from);
        return SecureXml.parse(xml.replaceFirst(Pattern.quote(from), to).getBytes(UTF_8));
    }

    private static String text(Document doc) {
        return new String(SecureXml.serialize(doc), UTF_8);
    }
}
