package io.borderlink.gateway.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.label.ConfidentialityLabel;
import io.borderlink.gateway.config.InvalidConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Label policies are data: the real ones load, a wrong one is refused with its file and line, and labels find theirs. */
class LabelPolicyDirectoryTest {

    @Test
    void loadsTheConfiguredPoliciesAndFindsALabelsPolicyByItsIdentifier() {
        LabelPolicyDirectory policies = LabelPoliciesFixture.real();

        assertThat(policies.all()).extracting(LabelPolicy::id).containsExactlyInAnyOrder("NATO", "MN-NATIONAL");
        assertThat(policies.of(label("NATO", null)).id()).isEqualTo("NATO");
        assertThat(policies.of(label("NATO", "urn:oid:1.3.26.1.3.1")).id()).isEqualTo("NATO");
    }

    @Test
    void refusesALabelUnderAPolicyItDoesNotKnow() {
        LabelPolicyDirectory policies = LabelPoliciesFixture.real();

        assertPolicyUnknown(() -> policies.of(label("EU", null)));
        assertPolicyUnknown(() -> policies.of(label("NATO", "urn:oid:1.2.3")));
    }

    @Test
    void refusesARestrictiveCategoryThatStandsForNoMarkingNamingFileAndLine(@TempDir Path folder) throws IOException {
        String yaml = Files.readString(Path.of("config/label-policies/mn-national.yml"))
                .replace("    marking: HANDLING_CODE\n", "");
        Files.writeString(folder.resolve("mn-national.yml"), yaml);

        assertThatThrownBy(() -> LabelPolicyDirectory.load(folder, LabelPoliciesFixture.YAML))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("mn-national.yml, line ")
                .hasMessageContaining("categories[1].tag-name")
                .hasMessageContaining("cannot enforce what it cannot map");
    }

    @Test
    void refusesH3AsALabelValue(@TempDir Path folder) throws IOException {
        String yaml = Files.readString(Path.of("config/label-policies/mn-national.yml"))
                .replace("values: [H0, H1, H2]", "values: [H0, H1, H2, H3]");
        Files.writeString(folder.resolve("mn-national.yml"), yaml);

        assertThatThrownBy(() -> LabelPolicyDirectory.load(folder, LabelPoliciesFixture.YAML))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("categories[1].values")
                .hasMessageContaining("H3 is not a HANDLING_CODE value");
    }

    private static ConfidentialityLabel label(String policy, String uri) {
        return new ConfidentialityLabel(policy, uri, "NATO RESTRICTED", List.of(), Instant.now(), null);
    }

    private static void assertPolicyUnknown(Runnable lookup) {
        assertThatThrownBy(lookup::run)
                .isInstanceOf(GatewayException.class)
                .extracting(e -> ((GatewayException) e).code())
                .isEqualTo(ErrorCode.LABEL_POLICY_UNKNOWN);
    }
}
