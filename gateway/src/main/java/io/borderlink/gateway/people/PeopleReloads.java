package io.borderlink.gateway.people;

import io.borderlink.gateway.audit.AuditEvent;
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
 * Applies the people's files changed on disk without a restart: a person added, withdrawn or given another role, a
 * certificate added, removed or renewed in place. A console session follows at its next request (it ends when its
 * certificate no longer names the same person with the same role). A change is loaded and validated first (under
 * the prod profile, its certificate files must not be development material, as at start); only then does it
 * replace the configuration in force, all at once. A bad change is refused and the old configuration stays. Both
 * outcomes are audited.
 */
@Component("peopleReloads")
public class PeopleReloads {

    private static final Logger log = LoggerFactory.getLogger(PeopleReloads.class);

    private final Path folder;
    private final YamlRecords yaml;
    private final People people;
    private final AuditTrail audit;
    private final DevelopmentMaterial material;
    private final WatchedFiles watched;

    PeopleReloads(
            DirectorySettings settings,
            YamlRecords yaml,
            People people,
            AuditTrail audit,
            DevelopmentMaterial material) {
        this.folder = settings.people();
        this.yaml = yaml;
        this.people = people;
        this.audit = audit;
        this.material = material;
        this.watched = new WatchedFiles(() -> people.current().certificateFiles(), folder);
    }

    /**
     * Called on every node by the people.reload route; does nothing unless something changed since the last look:
     * a person's file, or a certificate one registers.
     */
    public void reloadIfChanged() {
        watched.reloadIfChanged(this::reload);
    }

    /** Loads and checks the whole folder, then applies it or refuses it; true when applied. */
    public boolean reload() {
        try {
            PeopleDirectory candidate = PeopleDirectory.load(folder, yaml);
            material.refuseUnderProd(candidate.registeredFiles());
            people.replace(candidate);
            String applied = candidate.all().stream()
                    .map(person -> person.id() + " " + person.role())
                    .collect(Collectors.joining(", "));
            audit.record(AuditEvent.configurationApplied("applied people configuration: " + applied));
            log.info("people configuration reloaded: {}", applied);
            return true;
        } catch (InvalidConfigurationException e) {
            audit.record(AuditEvent.configurationRefused(e));
            log.warn("people configuration change refused, the previous one stays in force: {}", e.getMessage());
            return false;
        }
    }
}
