package io.borderlink.contracts.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.contracts.exchange.Category;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.xml.SecureXml;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SamplesTest {

    @ParameterizedTest
    @EnumSource(Category.class)
    void everyCategoryHasASampleOfThatCategory(Category category) {
        assertThat(categoryOf(Samples.byCategory(category))).isEqualTo(category);
    }

    @Test
    void namedFactoriesReturnTheirCategoryFromTheRightAgency() {
        Map<Supplier<byte[]>, String> expected = Map.of(
                Samples::wantedPersonFromBorderPolice, "WANTED_PERSON MN-BORDER",
                Samples::missingPersonFromBorderPolice, "MISSING_PERSON MN-BORDER",
                Samples::personAlertFromDefence, "PERSON_ALERT MN-DEFENCE",
                Samples::vehicleAlertFromBorderPolice, "VEHICLE_ALERT MN-BORDER",
                Samples::borderIncidentFromBorderPolice, "BORDER_INCIDENT MN-BORDER",
                Samples::seizureReportFromCustoms, "SEIZURE_REPORT MN-CUSTOMS",
                Samples::customsRiskAlertFromCustoms, "CUSTOMS_RISK_ALERT MN-CUSTOMS",
                Samples::wildlifeTraffickingFromCustoms, "WILDLIFE_TRAFFICKING MN-CUSTOMS");

        expected.forEach((sample, categoryAndOriginator) -> {
            var header = ExchangeXml.read(SecureXml.parse(sample.get())).header();
            assertThat(header.category() + " " + header.originator()).isEqualTo(categoryAndOriginator);
        });
    }

    @Test
    void returnsFreshBytesEachTime() {
        byte[] first = Samples.wantedPersonFromBorderPolice();
        first[0] = 0;

        assertThat(Samples.wantedPersonFromBorderPolice()[0]).isEqualTo((byte) '<');
    }

    private static Category categoryOf(byte[] sample) {
        return ExchangeXml.read(SecureXml.parse(sample)).header().category();
    }
}
