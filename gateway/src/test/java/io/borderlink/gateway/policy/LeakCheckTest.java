package io.borderlink.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Classification;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.HandlingCode;
import io.borderlink.contracts.exchange.Narrative;
import io.borderlink.contracts.exchange.Tlp;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.gateway.policy.Policy.NarrativeRule;
import io.borderlink.gateway.policy.Policy.Transformation;
import io.borderlink.gateway.policy.Policy.Transformation.Action;
import io.borderlink.gateway.policy.PolicyEngine.Mode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The leak check on texts an author or officer might write, against what a policy removed from the
 * sample exchanges: each kind of value in the spellings and number formats people use, and the near
 * misses it must let through.
 */
class LeakCheckTest {

    private static final Transformation GRID =
            new Transformation("locations.coordinates", Action.GENERALISE, new BigDecimal("0.1"));
    private static final Transformation NO_POSITION = new Transformation("locations.coordinates", Action.DROP, null);
    private static final Transformation NO_DESCRIPTION = new Transformation("locations.description", Action.DROP, null);
    private static final Transformation NO_PERSONS = new Transformation("persons", Action.DROP, null);

    private final PolicyEngine engine = new PolicyEngine(new PolicyEngineTest.CountingRates());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "The driver, Sokolov, said he was lost.",
                "SOKOLOV DMITRII was driving.",
                "Dmitriy was driving.",
                "Водитель Соколов заблудился.",
                "the driver (sokolov) was alone"
            })
    void findsTheNameOfAStrippedPersonInAnySpellingOrScript(String text) {
        assertThat(kinds(incident(text), NO_PERSONS)).containsExactly(LeakKind.PERSON_NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"passport 761538204", "passport 761 538 204", "No. 761-538-204", "N°761.538.204"})
    void findsAStrippedDocumentNumberWhateverItsSeparators(String text) {
        assertThat(kinds(incident(text), NO_PERSONS)).contains(LeakKind.DOCUMENT_NUMBER);
    }

    @Test
    void letsTheLastDigitsOfAMaskedNumberThroughSinceThePartnerHasThem() {
        Transformation mask = new Transformation("persons.documents.number", Action.MASK, null);

        assertThat(kinds(incident("His passport number ends in 204."), mask)).isEmpty();
        assertThat(kinds(incident("His passport is 761538204."), mask)).containsExactly(LeakKind.DOCUMENT_NUMBER);
    }

    @Test
    void findsANameMaskedInTheViewAndItsOriginalScript() {
        Transformation mask = new Transformation("persons.names", Action.MASK, null);

        assertThat(kinds(incident("Соколов Дмитрий Андреевич"), mask)).containsExactly(LeakKind.PERSON_NAME);
        assertThat(kinds(incident("A man in his thirties."), mask)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "stopped 3.8 km east of the crossing",
                "stopped 3,8 km east of the crossing",
                "stopped 3800 m east of the crossing",
                "some 150 metres from the line",
                "в 3,8 км от пункта пропуска",
                "2 miles south of the post"
            })
    void findsADistanceShorterThanTheGridCell(String text) {
        assertThat(kinds(incident(text), GRID)).containsExactly(LeakKind.FINE_DISTANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"driven 300 km north", "a man 160 cm tall", "fourteen 20-litre jerrycans", "3 million MNT"})
    void letsThroughDistancesCoarserThanTheGridAndWhatIsNoDistance(String text) {
        assertThat(kinds(incident(text), GRID)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"at 50.3190 N 106.5470 E", "at 50,319 / 106,547", "at 50°19'08\"N", "at 106.55 E"})
    void findsCoordinatesFinerThanTheGrid(String text) {
        assertThat(kinds(incident(text), GRID)).containsExactly(LeakKind.FINE_COORDINATES);
    }

    @Test
    void letsThroughCoordinatesOnTheGridThePartnerAlreadyHas() {
        assertThat(kinds(incident("in the cell at 50.3 N 106.5 E"), GRID)).isEmpty();
    }

    @Test
    void findsAnyPositionOrShortDistanceWhereCoordinatesWereRemoved() {
        assertThat(kinds(incident("around 50.3 N"), NO_POSITION)).containsExactly(LeakKind.FINE_COORDINATES);
        assertThat(kinds(incident("40 km south of the crossing"), NO_POSITION)).containsExactly(LeakKind.FINE_DISTANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stolen in Bayanzürkh", "stolen in Bayanzurkh district", "угнан в Баянзүрх", "BAYANZURKH"})
    void findsAPlaceNamedInARemovedLocationDescription(String text) {
        assertThat(kinds(vehicleAlert(text), NO_DESCRIPTION)).containsExactly(LeakKind.PLACE_NAME);
    }

    @Test
    void letsThroughPlacesThePartnerViewStillNamesAndOrdinaryWords() {
        assertThat(kinds(incident("near the Altanbulag crossing point, on open steppe"), NO_DESCRIPTION))
                .isEmpty();
    }

    @Test
    void findsSixWordsInARowCopiedFromARemovedDescription() {
        assertThat(kinds(incident("It stood about 150 m south of the border line."), NO_DESCRIPTION))
                .containsExactly(LeakKind.LOCATION_DESCRIPTION);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "as our contact Munkhbat reported",
                "source MN-BORDER/SEL/HS-0211",
                "source HS 0211",
                "Captain Tsogtbaatar's patrol"
            })
    void findsSourceDetailsWhateverThePolicySays(String text) {
        assertThat(kinds(incident(text))).containsExactly(LeakKind.SOURCE_DETAIL);
    }

    @Test
    void letsThroughTheHandlersUnitWhichIsNoName() {
        assertThat(kinds(incident("a patrol of the Altanbulag border outpost"))).isEmpty();
    }

    @Test
    void findsWhatTheInternalNotesSaid() {
        assertThat(kinds(incident("The patrol was tipped off by the herder."))).containsExactly(LeakKind.INTERNAL_NOTE);
    }

    @Test
    void findsAReferenceThePolicyRemovedButNotOneThePartnerViewStillCarries() {
        Transformation noReferences = new Transformation("source-refs", Action.DROP, null);

        assertThat(kinds(incident("See patrol report ALT 2025 0917."), noReferences))
                .containsExactlyInAnyOrder(LeakKind.SOURCE_REFERENCE, LeakKind.INTERNAL_NOTE);
        assertThat(kinds(incident("See patrol report ALT 2025 0917."))).isEmpty();
    }

    @Test
    void findsAPlateInLatinLettersThatLookLikeTheCyrillicOnes() {
        Transformation noVehicles = new Transformation("vehicles", Action.DROP, null);

        assertThat(kinds(incident("the Lada K482TM03"), noVehicles)).containsExactly(LeakKind.VEHICLE_ID);
        assertThat(kinds(incident("VIN XTA219010H0412837"), noVehicles)).containsExactly(LeakKind.VEHICLE_ID);
    }

    @Test
    void findsADateOfBirthMorePreciseThanTheYearThePartnerKeeps() {
        Transformation year = new Transformation("persons.date-of-birth", Action.GENERALISE, null);

        assertThat(kinds(incident("born in May 1991"), year)).containsExactly(LeakKind.DATE_OF_BIRTH);
        assertThat(kinds(incident("born 05/1991"), year)).containsExactly(LeakKind.DATE_OF_BIRTH);
        assertThat(kinds(incident("born in 1991"), year)).isEmpty();
    }

    @Test
    void findsACompanyTheCustomsPolicyRemovedButNotTheWordsOfItsLegalForm() {
        Transformation noParties = new Transformation("consignments.parties", Action.DROP, null);

        assertThat(kinds(seizure("for Dornod Khuns Trade LLC, Ulaanbaatar"), noParties))
                .containsExactly(LeakKind.PARTY_NAME);
        assertThat(kinds(seizure("an import and export trade company"), noParties))
                .isEmpty();
    }

    @Test
    void findsAPersonNameWrittenInIdeographsInsideLongerText() {
        Exchange alert = ExchangeXml.read(SecureXml.parse(Samples.personAlertFromDefence()));
        Exchange naming = alert.withBody(alert.body().withNarrative(new Narrative("目击者称刘振海先生拍照", "zh"), List.of()));

        assertThat(kinds(naming, NO_PERSONS)).containsExactly(LeakKind.PERSON_NAME);
    }

    @Test
    void checksNothingWhenThePolicyRemovedNothing() {
        Exchange plain = ExchangeXml.read(SecureXml.parse(Samples.vehicleAlertFromBorderPolice()));
        LeakCheck removed = new LeakCheck();
        removed.removedBy("transform:persons", plain, Transformations.apply(NO_PERSONS, plain), null);

        assertThat(removed.isEmpty()).isTrue();
        assertThat(removed.check("anything at all, 3.8 km away", plain)).isEmpty();
    }

    /** The kinds the leak check finds in the exchange's narrative, for a partner with these transformations. */
    private List<LeakKind> kinds(Exchange exchange, Transformation... transformations) {
        Policy policy = new Policy(
                "1",
                Set.of(Category.values()),
                Set.of(),
                new Policy.PurposeRule(false, Set.of()),
                new Policy.Ceilings(Classification.SECRET, Tlp.RED),
                null,
                Map.of(HandlingCode.H2, Decision.HOLD, HandlingCode.H3, Decision.HOLD),
                null,
                List.of(transformations),
                NarrativeRule.HOLD_FOR_REVIEW,
                List.of(),
                null);
        String code = exchange.markings().releasableTo().get(0);
        ShareDecision decision =
                engine.decide(exchange, new PolicyTarget("PARTNER", code, policy, "1@test"), true, Mode.RULES_ONLY);
        return decision.narrative().hits().stream().map(LeakHit::kind).toList();
    }

    /** The border incident (with its source details and internal notes) whose only text is this one. */
    private static Exchange incident(String text) {
        return NarrativeRulesTest.withNarrative(NarrativeRulesTest.withTearlines(NarrativeRulesTest.incident()), text);
    }

    private static Exchange vehicleAlert(String text) {
        Exchange alert = ExchangeXml.read(SecureXml.parse(Samples.vehicleAlertFromBorderPolice()));
        return alert.withBody(alert.body().withNarrative(new Narrative(text, "en"), List.of()));
    }

    private static Exchange seizure(String text) {
        Exchange seizure = ExchangeXml.read(SecureXml.parse(Samples.seizureReportFromCustoms()));
        return seizure.withBody(seizure.body().withNarrative(new Narrative(text, "en"), List.of()));
    }
}
