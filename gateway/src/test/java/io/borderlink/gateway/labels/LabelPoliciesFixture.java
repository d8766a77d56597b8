package io.borderlink.gateway.labels;

import io.borderlink.adapters.format.PartnerFormats;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.gateway.config.YamlRecords;
import jakarta.validation.Validation;
import java.nio.file.Path;
import java.util.List;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** The label policies of config/label-policies, read as the gateway reads them, without Spring. */
public final class LabelPoliciesFixture {

    static final YamlRecords YAML = new YamlRecords(
            new StandardEnvironment(),
            new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator()),
            new PartnerFormats(List.of()));

    private LabelPoliciesFixture() {}

    static LabelPolicyDirectory real() {
        return LabelPolicyDirectory.load(Path.of("config/label-policies"), YAML);
    }

    /** Intake's label checks under the real label policies, for tests of the steps that use them. */
    public static LabelIntake intake() {
        return new LabelIntake(new XmlCrypto(), new LabelPolicies(real()));
    }

    /** Outbound labelling under the real label policies. */
    public static OutboundLabels outbound() {
        return new OutboundLabels(new LabelPolicies(real()));
    }

    static LabelPolicy nato() {
        return real().find("NATO").orElseThrow();
    }

    static LabelPolicy national() {
        return real().find("MN-NATIONAL").orElseThrow();
    }
}
