package io.borderlink.gateway.partner;

import io.borderlink.gateway.config.InvalidConfigurationException;
import io.borderlink.gateway.config.YamlRecords;
import io.borderlink.gateway.labels.LabelPolicy;
import io.borderlink.gateway.labels.LabelPolicyDirectory;
import io.borderlink.gateway.policy.LabelRule;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks a partner file needs beyond its fields and its policy: that the labels it asks for can be
 * written (a known label policy, a format that carries labels, rules in that policy's words), and that a file
 * drop can be read (a format with an intake, an import folder of its own).
 */
final class PartnerValidation {

    private PartnerValidation() {}

    static void check(Partner partner, YamlRecords.Loaded<?> loaded, LabelPolicyDirectory labelPolicies) {
        PartnerLabels labels = partner.labels();
        if (labels != null) {
            LabelPolicy policy = labelPolicies
                    .find(labels.policy())
                    .orElseThrow(() -> loaded.invalid(
                            "labels.policy",
                            "no label policy " + labels.policy() + " among "
                                    + labelPolicies.all().stream()
                                            .map(LabelPolicy::id)
                                            .toList()));
            if (partner.format().labelSlot().isEmpty()) {
                throw loaded.invalid("labels.policy", formatOf(partner) + " cannot carry a label");
            }
            List<LabelRule> rules = labels.rules();
            for (int i = 0; i < rules.size(); i++) {
                LabelRule rule = rules.get(i);
                boolean known = policy.category(rule.category())
                        .map(c -> c.values().contains(rule.value()))
                        .orElse(false);
                if (!known) {
                    throw loaded.invalid(
                            "labels.rules[" + i + "].value",
                            rule.value() + " is not a value of a category " + rule.category() + " of " + policy.id());
                }
            }
        }
        if (partner.transport().fileDrop()
                && partner.inbound() != null
                && partner.format().intake().isEmpty()) {
            throw loaded.invalid("transport.kind", formatOf(partner) + " is never sent to us, so cannot be imported");
        }
    }

    /** The format's name, for a message. */
    private static String formatOf(Partner partner) {
        return partner.format().id();
    }

    /** Two partners reading one import folder could not be told apart by where their files arrive. */
    static void requireDistinctImportFolders(Collection<Partner> partners) {
        Map<Path, String> readers = new HashMap<>();
        for (Partner partner : partners) {
            Path folder = partner.transport().importFolder();
            if (partner.transport().fileDrop() && folder != null) {
                String other = readers.putIfAbsent(folder.toAbsolutePath().normalize(), partner.id());
                if (other != null) {
                    throw new InvalidConfigurationException(
                            partner.id() + " and " + other + " import from the same folder " + folder);
                }
            }
        }
    }
}
