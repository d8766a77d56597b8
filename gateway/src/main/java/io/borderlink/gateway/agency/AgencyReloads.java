package io.borderlink.gateway.agency;

import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.gateway.audit.AuditEvent;
import io.borderlink.gateway.audit.AuditEvent.Outcome;
import io.borderlink.gateway.audit.AuditStep;
import io.borderlink.gateway.audit.AuditTrail;
import io.borderlink.gateway.config.DirectorySettings;
import io.borderlink.gateway.config.InvalidConfigurationException;
import io.borderlink.gateway.config.WatchedFiles;
import io.borderlink.gateway.config.YamlRecords;
import io.borderlink.gateway.pki.DevelopmentMaterial;
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
    private volatile String lastSeen;

    AgencyReloads(
            DirectorySettings settings,
            YamlRecords yaml,
            Agencies agencies,
            AuditTrail audit,
            DevelopmentMaterial material) {
        this.folder = settings.agencies();
        this.yaml = yaml;
        this.agencies = agencies;
        this.audit = audit;
        this.material = material;
        this.lastSeen = WatchedFiles.treeDigest(folder) + agencies.current().certificatesRead();
    }

    /**
     * Called on every node by the agency.reload route; does nothing unless something changed since the last look:
     * an agency file, an inbound case, or a certificate an agency file registers.
     */
    public void reloadIfChanged() {
        String files = WatchedFiles.treeDigest(folder);
        String seen = files + agencies.current().certificatesNow(WatchedFiles::bytesNow);
        if (!seen.equals(lastSeen)) {
            // Applied, the certificates are remembered as the reload read them: one changed meanwhile is seen next
            // time. Refused, as seen: the same bad file is not refused again at every look.
            lastSeen = reload() ? files + agencies.current().certificatesRead() : seen;
        }
    }

    /** Loads and checks the whole folder, then applies it or refuses it; true when applied. */
    public boolean reload() {
        try {
            AgencyDirectory candidate = AgencyDirectory.load(folder, yaml);
            new InboundCases(yaml).requirePassing(candidate, folder);
            material.refuseUnderProd(candidate.registeredFiles());
            agencies.replace(candidate);
            String applied = candidate.version() + ": "
                    + candidate.all().stream().map(Agency::id).collect(Collectors.joining(", "));
            audit.record(configurationEvent(Outcome.OK, null, "applied agency configuration " + applied));
            log.info("agency configuration reloaded: {}", applied);
            return true;
        } catch (InvalidConfigurationException e) {
            audit.record(configurationEvent(Outcome.REJECTED, ErrorCode.CONFIGURATION_INVALID.name(), e.getMessage()));
            log.warn("agency configuration change refused, the previous one stays in force: {}", e.getMessage());
            return false;
        }
    }

    private static AuditEvent configurationEvent(Outcome outcome, String code, String detail) {
        return AuditEvent.of(AuditStep.POLICY, outcome)
                .code(code)
                .actor("configuration", null)
                .detail(detail);
    }
}
