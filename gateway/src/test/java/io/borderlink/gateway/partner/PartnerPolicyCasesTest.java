package io.borderlink.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderlink.adapters.format.PartnerFormats;
import io.borderlink.adapters.interpol.NoticeFormat;
import io.borderlink.adapters.liaison.LiaisonFormat;
import io.borderlink.adapters.peer.PeerExchangeFormat;
import io.borderlink.adapters.wco.WcoFormat;
import io.borderlink.gateway.config.CaseResult;
import io.borderlink.gateway.config.InvalidConfigurationException;
import io.borderlink.gateway.config.YamlRecords;
import io.borderlink.gateway.labels.LabelPolicyDirectory;
import io.borderlink.gateway.policy.PolicyEngine;
import io.borderlink.gateway.policy.RateCounter;
import io.borderlink.testkit.DevGateway;
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

/** Every case file beside every partner in config/partners passes against that partner's policy. */
class PartnerPolicyCasesTest {

    private static final Path PARTNERS = Path.of("config/partners");
    private static final YamlRecords YAML = new YamlRecords(
            new StandardEnvironment(),
            new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator()),
            new PartnerFormats(List.of(
                    new LiaisonFormat(DevGateway.IDENTITY),
                    new NoticeFormat(DevGateway.IDENTITY),
                    new WcoFormat(DevGateway.IDENTITY),
                    new PeerExchangeFormat(DevGateway.IDENTITY))));
    private static final LabelPolicyDirectory LABELS =
            LabelPolicyDirectory.load(Path.of("config/label-policies"), YAML);
    private static final PolicyCases CASES = new PolicyCases(YAML, new PolicyEngine(new NoRates()));

    @TestFactory
    Stream<DynamicTest> everyPartnerPolicyCasePasses() {
        List<CaseResult> results = CASES.run(PartnerDirectory.load(PARTNERS, YAML, LABELS), PARTNERS);
        assertThat(results).as("policy cases under config/partners").isNotEmpty();
        return results.stream()
                .map(result -> DynamicTest.dynamicTest(
                        result.owner() + ": " + result.description(), () -> assertThat(result.failure())
                                .as(result.file().toString())
                                .isNull()));
    }

    @Test
    void everyConfiguredPartnerHasPolicyCases() {
        PartnerDirectory directory = PartnerDirectory.load(PARTNERS, YAML, LABELS);
        List<String> covered = CASES.run(directory, PARTNERS).stream()
                .map(CaseResult::owner)
                .distinct()
                .toList();
        assertThat(covered)
                .containsExactlyInAnyOrderElementsOf(
                        directory.all().stream().map(Partner::id).toList());
    }

    @Test
    void namesTheFileAndLineOfAnUnknownTransformation(@TempDir Path folder) throws IOException {
        String yaml = Files.readString(PARTNERS.resolve("ru-liaison.yml"))
                .replace("field: locations.description", "field: locations.smell");
        Files.writeString(folder.resolve("ru-liaison.yml"), yaml);

        assertThatThrownBy(() -> PartnerDirectory.load(folder, YAML, LABELS))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("ru-liaison.yml")
                .hasMessageMatching("(?s).*line \\d+.*")
                .hasMessageContaining("unknown field 'locations.smell'");
    }

    @Test
    void namesTheFileAndLineOfAnUnknownFormat(@TempDir Path folder) throws IOException {
        String yaml = Files.readString(PARTNERS.resolve("ru-liaison.yml"))
                .replace("format: LIAISON_SOAP", "format: LIAISON_FAX");
        Files.writeString(folder.resolve("ru-liaison.yml"), yaml);

        assertThatThrownBy(() -> PartnerDirectory.load(folder, YAML, LABELS))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("ru-liaison.yml")
                .hasMessageMatching("(?s).*line \\d+.*")
                .hasMessageContaining("unknown format LIAISON_FAX")
                .hasMessageContaining("LIAISON_SOAP");
    }

    @Test
    void namesTheFileAndLineOfAnInvalidCeiling(@TempDir Path folder) throws IOException {
        String yaml = Files.readString(PARTNERS.resolve("ru-liaison.yml"))
                .replace("classification: RESTRICTED", "classification: TOP_SECRET_ISH");
        Files.writeString(folder.resolve("ru-liaison.yml"), yaml);

        assertThatThrownBy(() -> PartnerDirectory.load(folder, YAML, LABELS))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("ru-liaison.yml")
                .hasMessageMatching("(?s).*line \\d+.*")
                .hasMessageContaining("TOP_SECRET_ISH");
    }

    @Test
    void refusesAPolicyThatDoesNotSayWhatHappensToTheNarrative(@TempDir Path folder) throws IOException {
        String yaml =
                Files.readString(PARTNERS.resolve("ru-liaison.yml")).replace("  narrative: HOLD_FOR_REVIEW\n", "");
        Files.writeString(folder.resolve("ru-liaison.yml"), yaml);

        assertThatThrownBy(() -> PartnerDirectory.load(folder, YAML, LABELS))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("ru-liaison.yml")
                .hasMessageContaining("policy.narrative")
                .hasMessageContaining("TEARLINE_ONLY, DROP, HOLD_FOR_REVIEW or AS_IS");
    }

    @Test
    void refusesNarrativesAsWrittenInAPolicyWithTransformations(@TempDir Path folder) throws IOException {
        String yaml = Files.readString(PARTNERS.resolve("ru-liaison.yml"))
                .replace("narrative: HOLD_FOR_REVIEW", "narrative: AS_IS");
        Files.writeString(folder.resolve("ru-liaison.yml"), yaml);

        assertThatThrownBy(() -> PartnerDirectory.load(folder, YAML, LABELS))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("ru-liaison.yml")
                .hasMessageMatching("(?s).*line \\d+.*")
                .hasMessageContaining("AS_IS is allowed only in a policy without transformations");
    }

    /** Cases run as dry runs, which only read the counter. */
    private static final class NoRates implements RateCounter {
        @Override
        public boolean tryAcquire(String partnerId, int perHour) {
            return true;
        }

        @Override
        public int current(String partnerId) {
            return 0;
        }
    }
}
