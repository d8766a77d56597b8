package io.borderlink.gateway.agency;

import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditTrail;
import io.borderlink.gateway.config.DirectorySettings;
import io.borderlink.gateway.config.InvalidConfigurationException;
import io.borderlink.gateway.config.WatchedFiles;
import io.borderlink.gateway.config.YamlRecords;
import io.borderlink.gateway.pki.DevelopmentMaterial;
import io.borderlink.gateway.pki.Trust;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies agency files changed on disk without a restart: an agency added or withdrawn, a certificate added to
 * its file, removed from it (from then on its TLS client and signature are refused) or renewed in place, its
 * inbound rules. A change is loaded, validated and run against the agencies' inbound cases first (under the prod
 * profile, its certificate files must not be development material, as at start); only then does it replace the
 * configuration in force, all at once. A bad change is refused and the old configuration stays. Both outcomes are
 * audited.
 */
@Component("agencyReloads")
public class AgencyReloads {

    private static final Logger log = LoggerFactory.getLogger(AgencyReloads.class);

    private final Path folder;
    private final YamlRecords yaml;
    private final Agencies agencies;
    private final AuditTrail audit;
    private final DevelopmentMaterial material;
    private final Trust trust;
    private final WatchedFiles watched;

    AgencyReloads(
            DirectorySettings settings,
            YamlRecords yaml,
            Agencies agencies,
            AuditTrail audit,
            DevelopmentMaterial material,
            Trust trust) {
        this.folder = settings.agencies();
        this.yaml = yaml;
        this.agencies = agencies;
        this.audit = audit;
        this.material = material;
        this.trust = trust;
        this.watched = new WatchedFiles(() -> agencies.current().certificateFiles(), folder);
    }

    /**
     * Called on every node by the agency.reload route; does nothing unless something changed since the last look:
     * an agency file, an inbound case, or a certificate an agency file registers.
     */
    public void reloadIfChanged() {
        watched.reloadIfChanged(this::reload);
    }

    /** Loads and checks the whole folder, then applies it or refuses it; true when applied. */
    public boolean reload() {
        try {
            AgencyDirectory candidate = AgencyDirectory.load(folder, yaml);
            new InboundCases(yaml).requirePassing(candidate, folder);
            material.refuseUnderProd(candidate.registeredFiles());
            agencies.replace(candidate);
            // A trust anchor its files name may have been replaced in place: validations read the checked one.
            trust.configurationApplied();
            String applied = candidate.version() + ": "
                    + candidate.all().stream().map(Agency::id).collect(Collectors.joining(", "));
            audit.record(AuditEvent.configurationApplied("applied agency configuration " + applied));
            log.info("agency configuration reloaded: {}", applied);
            return true;
        } catch (InvalidConfigurationException e) {
            audit.record(AuditEvent.configurationRefused(e));
            log.warn("agency configuration change refused, the previous one stays in force: {}", e.getMessage());
            return false;
        }
    }
}
