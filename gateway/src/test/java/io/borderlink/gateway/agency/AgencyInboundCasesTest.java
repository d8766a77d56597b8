package io.borderlink.gateway.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderlink.adapters.agency.AgencyExchangeFormat;
import io.borderlink.adapters.format.PartnerFormats;
import io.borderlink.gateway.config.CaseResult;
import io.borderlink.gateway.config.InvalidConfigurationException;
import io.borderlink.gateway.config.YamlRecords;
import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** Every case file beside every agency in config/agencies passes against that agency's inbound section. */
class AgencyInboundCasesTest {

    private static final Path AGENCIES = Path.of("config/agencies");
    private static final YamlRecords YAML = new YamlRecords(
            new StandardEnvironment(),
            new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator()),
            new PartnerFormats(List.of(AgencyExchangeFormat.rest(), AgencyExchangeFormat.soap())));
    private static final InboundCases CASES = new InboundCases(YAML);

    @TestFactory
    Stream<DynamicTest> everyAgencyInboundCasePasses() {
        List<CaseResult> results = CASES.run(AgencyDirectory.load(AGENCIES, YAML), AGENCIES);
        assertThat(results).as("inbound cases under config/agencies").isNotEmpty();
        return results.stream()
                .map(result -> DynamicTest.dynamicTest(
                        result.owner() + ": " + result.description(), () -> assertThat(result.failure())
                                .as(result.file().toString())
                                .isNull()));
    }

    @Test
    void everyReceivingAgencyHasInboundCases() {
        AgencyDirectory directory = AgencyDirectory.load(AGENCIES, YAML);
        List<String> covered = CASES.run(directory, AGENCIES).stream()
                .map(CaseResult::owner)
                .distinct()
                .toList();
        assertThat(covered)
                .containsExactlyInAnyOrderElementsOf(directory.all().stream()
                        .filter(a -> a.inbound() != null)
                        .map(Agency::id)
                        .toList());
    }

    @Test
    void refusesAgencyFilesThatFailOneOfTheirCasesNamingTheCase(@TempDir Path folder) throws IOException {
        Files.copy(AGENCIES.resolve("mn-border.yml"), folder.resolve("mn-border.yml"));
        Path cases = Files.createDirectories(folder.resolve("mn-border/cases"));
        Files.writeString(
                cases.resolve("01-confidential.yml"),
                """
                description: Pretends the border authority is cleared to CONFIDENTIAL.
                from: RU-LIAISON
                sample: BORDER_INCIDENT
                markings: { classification: CONFIDENTIAL }
                expect: { decision: RELEASE }
                """);
        AgencyDirectory directory = AgencyDirectory.load(folder, YAML);

        assertThatThrownBy(() -> CASES.requirePassing(directory, folder))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("01-confidential.yml")
                .hasMessageContaining(
                        "decision DENY (classification-ceiling: CONFIDENTIAL above the ceiling RESTRICTED)");
    }

    @Test
    void refusesAnAgencyFileWithoutAClassificationCeiling(@TempDir Path folder) throws IOException {
        String yaml = Files.readString(AGENCIES.resolve("mn-customs.yml"))
                .replace("  classification-ceiling: CONFIDENTIAL\n", "");
        Files.writeString(folder.resolve("mn-customs.yml"), yaml);

        assertThatThrownBy(() -> AgencyDirectory.load(folder, YAML))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("mn-customs.yml")
                .hasMessageContaining("classificationCeiling")
                .hasMessageContaining("must not be null");
    }

    @Test
    void refusesAHandlingCodeHeldForAnOfficer(@TempDir Path folder) throws IOException {
        String yaml = Files.readString(AGENCIES.resolve("mn-customs.yml"))
                .replace(
                        "  classification-ceiling: CONFIDENTIAL\n",
                        "  classification-ceiling: CONFIDENTIAL\n  handling: { H3: HOLD }\n");
        Files.writeString(folder.resolve("mn-customs.yml"), yaml);

        assertThatThrownBy(() -> AgencyDirectory.load(folder, YAML))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("mn-customs.yml")
                .hasMessageContaining("handling may only RELEASE or DENY");
    }
}
