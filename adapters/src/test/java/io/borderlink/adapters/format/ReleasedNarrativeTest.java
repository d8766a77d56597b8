package io.borderlink.adapters.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.adapters.interpol.NoticeFormat;
import io.borderlink.adapters.liaison.LiaisonFormat;
import io.borderlink.adapters.liaison.LiaisonTranslator;
import io.borderlink.adapters.wco.WcoFormat;
import io.borderlink.adapters.wco.WcoTranslator;
import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.Narrative;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every partner format renders the narrative the partner view holds (the tearline the policy chose for
 * the partner, or an officer's text) and nothing of the narrative written for the originator's side; a
 * view without a narrative says so where the format needs a text.
 */
class ReleasedNarrativeTest {

    private static final UUID MESSAGE_ID = UUID.fromString("0b6f1d2e-5a3c-4e8b-9f71-2c4d6e8a0b13");
    private static final Instant CREATED = Instant.parse("2025-11-17T09:00:00Z");

    static Stream<Arguments> formatsAndSamples() {
        return Stream.of(
                Arguments.of(new LiaisonFormat(TestIdentity.MONGOLIA), Category.BORDER_INCIDENT, "RU-LIAISON"),
                Arguments.of(new LiaisonFormat(TestIdentity.MONGOLIA), Category.VEHICLE_ALERT, "CN-LIAISON"),
                Arguments.of(new NoticeFormat(TestIdentity.MONGOLIA), Category.MISSING_PERSON, "INTERPOL-NCB"),
                Arguments.of(new NoticeFormat(TestIdentity.MONGOLIA), Category.WANTED_PERSON, "INTERPOL-NCB"),
                Arguments.of(new WcoFormat(TestIdentity.MONGOLIA), Category.CUSTOMS_RISK_ALERT, "WCO-RILO"));
    }

    @ParameterizedTest
    @MethodSource("formatsAndSamples")
    void carriesTheTextThePartnerViewHoldsAndNothingOfTheNarrative(
            PartnerFormat format, Category category, String partner) {
        Exchange sample = sample(category);
        Narrative released = new Narrative("Written below the line for " + partner + ".", "en");
        Exchange view = sample.withBody(sample.body().withReleasedNarrative(released));

        String rendered = format.render(view, MESSAGE_ID, partner, CREATED).text();

        assertThat(rendered)
                .contains(released.text())
                .doesNotContain(sample.body().narrative().text().substring(0, 40))
                .doesNotContain("Tearline");
    }

    @ParameterizedTest
    @MethodSource("formatsAndSamples")
    void saysThatNoNarrativeIsReleasedWhereTheFormatNeedsAText(
            PartnerFormat format, Category category, String partner) {
        Exchange sample = sample(category);
        Exchange view = sample.withBody(sample.body().withReleasedNarrative(null));

        Rendered rendered = format.render(view, MESSAGE_ID, partner, CREATED);

        assertThat(rendered.text())
                .contains(ReleasedNarrative.NONE.text())
                .doesNotContain(sample.body().narrative().text().substring(0, 40));
        if (rendered.xml() != null) {
            String schema = format instanceof WcoFormat ? WcoTranslator.SCHEMA : LiaisonTranslator.SCHEMA;
            SecureXml.validate(rendered.xml(), SecureXml.schema(schema));
        }
    }

    private static Exchange sample(Category category) {
        return ExchangeXml.read(SecureXml.parse(Samples.byCategory(category)));
    }
}
