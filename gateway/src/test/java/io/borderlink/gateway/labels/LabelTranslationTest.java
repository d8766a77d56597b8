package io.borderlink.gateway.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.exchange.Classification;
import io.borderlink.contracts.exchange.HandlingCode;
import io.borderlink.contracts.exchange.Markings;
import io.borderlink.contracts.exchange.SourceReliability;
import io.borderlink.contracts.exchange.Tlp;
import io.borderlink.contracts.label.CategoryType;
import io.borderlink.contracts.label.ConfidentialityLabel;
import io.borderlink.contracts.label.LabelCategory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Labels to markings and back, under the example NATO policy and the national one of config/label-policies. */
class LabelTranslationTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:30:15.123Z");

    @Test
    void aNatoLabelGivesItsClassificationAndReleasabilityAndThePolicyDefaultsForTheRest() {
        Markings markings = LabelTranslation.markingsOf(
                        LabelPoliciesFixture.nato(), nato("NATO RESTRICTED", releasableTo("NATO", "MNG")))
                .markings();

        assertThat(markings.classification()).isEqualTo(Classification.RESTRICTED);
        assertThat(markings.releasableTo()).containsExactly("NATO", "MNG");
        assertThat(markings.tlp()).isEqualTo(Tlp.AMBER);
        assertThat(markings.handlingCode()).isEqualTo(HandlingCode.H2);
        assertThat(markings.sourceReliability()).isEqualTo(SourceReliability.X);
        assertThat(markings.informationAccuracy()).isEqualTo(4);
        assertThat(markings.foreignMarking()).isEqualTo("NATO NATO RESTRICTED; Releasable To NATO MNG");
    }

    @Test
    void aNatoLabelWithoutReleasabilityIsReleasableNowhere() {
        Markings markings = LabelTranslation.markingsOf(LabelPoliciesFixture.nato(), nato("NATO UNCLASSIFIED"))
                .markings();

        assertThat(markings.classification()).isEqualTo(Classification.UNCLASSIFIED);
        assertThat(markings.releasableTo()).isEmpty();
    }

    @Test
    void aNationalLabelStatesEveryMarking() {
        ConfidentialityLabel label = national(
                "CONFIDENTIAL",
                new LabelCategory("Releasable To", null, CategoryType.PERMISSIVE, List.of("RUS")),
                new LabelCategory("Handling", null, CategoryType.RESTRICTIVE, List.of("H1")),
                new LabelCategory("TLP", null, CategoryType.INFORMATIVE, List.of("GREEN")),
                new LabelCategory("Evaluation", null, CategoryType.INFORMATIVE, List.of("B2")));

        Markings markings = LabelTranslation.markingsOf(LabelPoliciesFixture.national(), label)
                .markings();

        assertThat(markings)
                .isEqualTo(new Markings(
                        Classification.CONFIDENTIAL,
                        Tlp.GREEN,
                        List.of("RUS"),
                        HandlingCode.H1,
                        null,
                        SourceReliability.B,
                        2,
                        label.summary()));
    }

    @Test
    void refusesWhatThePolicyDoesNotDefine() {
        LabelPolicy nato = LabelPoliciesFixture.nato();
        assertUnknown(() -> LabelTranslation.markingsOf(nato, nato("NATO TOP SECRET")));
        assertUnknown(() -> LabelTranslation.markingsOf(nato, nato("COSMIC TOP SECRET")));
        assertUnknown(() -> LabelTranslation.markingsOf(nato, nato("NATO SECRET", releasableTo("XYZ"))));
        assertUnknown(() -> LabelTranslation.markingsOf(
                nato,
                nato(
                        "NATO SECRET",
                        new LabelCategory("Special Handling", null, CategoryType.RESTRICTIVE, List.of("X")))));
        assertUnknown(() -> LabelTranslation.markingsOf(
                nato,
                nato(
                        "NATO SECRET",
                        new LabelCategory("Releasable To", null, CategoryType.RESTRICTIVE, List.of("MNG")))));
    }

    @Test
    void namesEveryMarkingThatDisagreesWithTheLabel() {
        LabelTranslation.Translated label =
                LabelTranslation.markingsOf(LabelPoliciesFixture.nato(), nato("NATO RESTRICTED", releasableTo("NATO")));
        Markings agreeing = new Markings(
                Classification.RESTRICTED,
                Tlp.GREEN,
                List.of("NATO"),
                HandlingCode.H0,
                null,
                SourceReliability.A,
                1,
                null);
        Markings disagreeing = new Markings(
                Classification.CONFIDENTIAL,
                Tlp.GREEN,
                List.of("NATO", "RUS"),
                HandlingCode.H0,
                null,
                SourceReliability.A,
                1,
                null);

        assertThat(LabelTranslation.disagreements(label, agreeing)).isEmpty();
        assertThat(LabelTranslation.disagreements(label, disagreeing))
                .containsExactly(
                        "classification CONFIDENTIAL, label RESTRICTED", "releasable to [NATO, RUS], label [NATO]");
    }

    @Test
    void writesTheNatoLabelOfAPartnerViewLeavingOutCodesThePolicyDoesNotList() {
        Markings view = new Markings(
                Classification.SECRET,
                Tlp.AMBER,
                List.of("KAZ", "NATO", "MNG"),
                HandlingCode.H2,
                null,
                SourceReliability.B,
                2,
                null);

        LabelTranslation.Outbound outbound = LabelTranslation.labelFor(LabelPoliciesFixture.nato(), view, NOW);

        assertThat(outbound.problem()).isNull();
        assertThat(outbound.label())
                .isEqualTo(new ConfidentialityLabel(
                        "NATO",
                        "urn:oid:1.3.26.1.3.1",
                        "NATO SECRET",
                        List.of(new LabelCategory(
                                "Releasable To",
                                "urn:borderlink:label-policy:nato:releasable-to",
                                CategoryType.PERMISSIVE,
                                List.of("NATO", "MNG"))),
                        Instant.parse("2026-12-01T09:30:15Z"),
                        null));
        assertThat(outbound.notes()).containsExactly("KAZ is not a value of Releasable To");
    }

    @Test
    void aLabelWrittenForMarkingsReadsBackAsThoseMarkings() {
        Markings view = new Markings(
                Classification.RESTRICTED,
                Tlp.AMBER_STRICT,
                List.of("RUS", "CHN"),
                HandlingCode.H1,
                null,
                SourceReliability.C,
                3,
                null);
        LabelPolicy national = LabelPoliciesFixture.national();

        ConfidentialityLabel label =
                LabelTranslation.labelFor(national, view, NOW).label();

        assertThat(LabelTranslation.disagreements(LabelTranslation.markingsOf(national, label), view))
                .isEmpty();
    }

    @Test
    void cannotWriteWhatThePolicyCannotSay() {
        Markings h3 = new Markings(
                Classification.RESTRICTED,
                Tlp.AMBER,
                List.of("RUS"),
                HandlingCode.H3,
                "ask first",
                SourceReliability.B,
                2,
                null);

        assertThat(LabelTranslation.labelFor(LabelPoliciesFixture.national(), h3, NOW)
                        .problem())
                .isEqualTo("[H3] cannot be written as Handling under MN-NATIONAL");
    }

    private static ConfidentialityLabel nato(String classification, LabelCategory... categories) {
        return new ConfidentialityLabel("NATO", null, classification, List.of(categories), NOW, null);
    }

    private static ConfidentialityLabel national(String classification, LabelCategory... categories) {
        return new ConfidentialityLabel(
                "MN NATIONAL",
                "urn:borderlink:label-policy:mn-national:1",
                classification,
                List.of(categories),
                NOW,
                null);
    }

    private static LabelCategory releasableTo(String... codes) {
        return new LabelCategory("Releasable To", null, CategoryType.PERMISSIVE, List.of(codes));
    }

    private static void assertUnknown(Runnable translation) {
        assertThatThrownBy(translation::run)
                .isInstanceOf(GatewayException.class)
                .extracting(e -> ((GatewayException) e).code())
                .isEqualTo(ErrorCode.LABEL_VALUE_UNKNOWN);
    }
}
