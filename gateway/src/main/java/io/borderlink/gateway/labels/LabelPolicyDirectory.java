package io.borderlink.gateway.labels;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.label.ConfidentialityLabel;
import io.borderlink.gateway.config.InvalidConfigurationException;
import io.borderlink.gateway.config.YamlRecords;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every label policy, by id, loaded from {@code config/label-policies/*.yml}. */
public final class LabelPolicyDirectory {

    private final Map<String, LabelPolicy> byId;

    LabelPolicyDirectory(Map<String, LabelPolicy> byId) {
        this.byId = Map.copyOf(byId);
    }

    public static LabelPolicyDirectory load(Path folder, YamlRecords yaml) {
        Map<String, LabelPolicy> byId = new LinkedHashMap<>();
        Map<String, String> identifiers = new LinkedHashMap<>();
        for (Path file : YamlRecords.filesIn(folder)) {
            YamlRecords.Loaded<LabelPolicy> loaded = yaml.load(file, LabelPolicy.class);
            LabelPolicy policy = loaded.value();
            Optional<LabelPolicy.Problem> problem = policy.problem();
            if (problem.isPresent()) {
                throw loaded.invalid(problem.get().property(), problem.get().message());
            }
            if (byId.putIfAbsent(policy.id(), policy) != null) {
                throw new InvalidConfigurationException(file + ": label policy " + policy.id() + " is defined twice");
            }
            String other = identifiers.putIfAbsent(policy.policyIdentifier(), policy.id());
            if (other != null) {
                throw loaded.invalid(
                        "policy-identifier", other + " already has the policy identifier " + policy.policyIdentifier());
            }
        }
        return new LabelPolicyDirectory(byId);
    }

    public Optional<LabelPolicy> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<LabelPolicy> all() {
        return byId.values();
    }

    /**
     * The policy a label is written under, by its PolicyIdentifier (and its URI, when both the label and the
     * policy have one); {@code LABEL_POLICY_UNKNOWN} when the gateway has no description of it.
     */
    public LabelPolicy of(ConfidentialityLabel label) {
        return byId.values().stream()
                .filter(p -> p.policyIdentifier().equals(label.policy()))
                .filter(p ->
                        p.uri() == null || label.policyUri() == null || p.uri().equals(label.policyUri()))
                .findFirst()
                .orElseThrow(() -> new GatewayException(
                        ErrorCode.LABEL_POLICY_UNKNOWN,
                        "no label policy " + label.policy()
                                + (label.policyUri() == null ? "" : " (" + label.policyUri() + ")")
                                + " is configured"));
    }
}
