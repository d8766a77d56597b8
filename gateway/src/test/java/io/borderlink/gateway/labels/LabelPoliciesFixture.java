package io.borderlink.gateway.labels;

import io.borderlink.adapters.format.PartnerFormats;
import io.borderlink.gateway.config.YamlRecords;
import jakarta.validation.Validation;
import java.nio.file.Path;
import java.util.List;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** The label policies of config/label-policies, read as the gateway reads them, without Spring. */
final class LabelPoliciesFixture {

    static final YamlRecords YAML = new YamlRecords(
            new StandardEnvironment(),
            new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator()),
            new PartnerFormats(List.of()));

    private LabelPoliciesFixture() {}

    static LabelPolicyDirectory real() {
        return LabelPolicyDirectory.load(Path.of("config/label-policies"), YAML);
    }

    static LabelPolicy nato() {
        return real().find("NATO").orElseThrow();
    }

    static LabelPolicy national() {
        return real().find("MN-NATIONAL").orElseThrow();
    }
}
