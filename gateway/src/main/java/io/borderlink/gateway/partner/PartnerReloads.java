package io.borderlink.gateway.partner;

import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditTrail;
import io.borderlink.gateway.config.DirectorySettings;
import io.borderlink.gateway.config.InvalidConfigurationException;
import io.borderlink.gateway.config.WatchedFiles;
import io.borderlink.gateway.config.YamlRecords;
import io.borderlink.gateway.labels.LabelPolicies;
import io.borderlink.gateway.labels.LabelPolicy;
import io.borderlink.gateway.labels.LabelPolicyDirectory;
import io.borderlink.gateway.pki.DevelopmentMaterial;
import io.borderlink.gateway.pki.Trust;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies partner files and label policies changed on disk without a restart. A change is loaded, validated and run
 * against its own policy cases first (under the prod profile, its certificate files must not be development
 * material, as at start); only then does it replace the configuration in force, all at once. A bad change is
 * refused and the old configuration stays. Both outcomes are audited.
 */
@Component("partnerReloads")
public class PartnerReloads {

    private static final Logger log = LoggerFactory.getLogger(PartnerReloads.class);

    private final Path folder;
    private final Path labelFolder;
    private final YamlRecords yaml;
    private final PolicyCases cases;
    private final Partners partners;
    private final LabelPolicies labels;
    private final AuditTrail audit;
    private final DevelopmentMaterial material;
    private final Trust trust;
    private final WatchedFiles watched;

    PartnerReloads(
            DirectorySettings settings,
            YamlRecords yaml,
            PolicyCases cases,
            Partners partners,
            LabelPolicies labels,
            AuditTrail audit,
            DevelopmentMaterial material,
            Trust trust) {
        this.folder = settings.partners();
        this.labelFolder = settings.labelPolicies();
        this.yaml = yaml;
        this.cases = cases;
        this.partners = partners;
        this.labels = labels;
        this.audit = audit;
        this.material = material;
        this.trust = trust;
        this.watched = new WatchedFiles(() -> partners.current().certificateFiles(), folder, labelFolder);
    }

    /**
     * Called on every node by the policy.reload route; does nothing unless a file changed since the last look: a
     * partner file, a policy case, a label policy, or a certificate a partner registers (renewed in place).
     */
    public void reloadIfChanged() {
        watched.reloadIfChanged(this::reload);
    }

    /**
     * Loads and checks the whole folder and the label policies its partners name, then applies both or refuses
     * both; true when applied.
     */
    public boolean reload() {
        try {
            LabelPolicyDirectory labelPolicies = LabelPolicyDirectory.load(labelFolder, yaml);
            PartnerDirectory candidate = PartnerDirectory.load(folder, yaml, labelPolicies);
            cases.requirePassing(candidate, folder);
            material.refuseUnderProd(candidate.registeredFiles());
            labels.replace(labelPolicies);
            partners.replace(candidate);
            // A trust anchor its files name may have been replaced in place: validations read the checked one.
            trust.configurationApplied();
            String versions = candidate.all().stream()
                            .map(p -> p.id() + " " + candidate.policyTarget(p).version())
                            .collect(Collectors.joining(", "))
                    + "; label policies "
                    + labelPolicies.all().stream().map(LabelPolicy::id).collect(Collectors.joining(", "));
            audit.record(AuditEvent.configurationApplied("applied partner configuration: " + versions));
            log.info("partner configuration reloaded: {}", versions);
            return true;
        } catch (InvalidConfigurationException e) {
            audit.record(AuditEvent.configurationRefused(e));
            log.warn("partner configuration change refused, the previous one stays in force: {}", e.getMessage());
            return false;
        }
    }
}
