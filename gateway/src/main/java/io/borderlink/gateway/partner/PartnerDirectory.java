package io.borderlink.gateway.partner;

import io.borderlink.gateway.config.InvalidConfigurationException;
import io.borderlink.gateway.config.YamlRecords;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every configured partner, by id, loaded once from {@code config/partners/*.yml}. */
public final class PartnerDirectory {

    private final Map<String, Partner> partners;

    public PartnerDirectory(Map<String, Partner> partners) {
        this.partners = Map.copyOf(partners);
    }

    public static PartnerDirectory load(Path folder, YamlRecords yaml) {
        Map<String, Partner> partners = new LinkedHashMap<>();
        for (Path file : YamlRecords.filesIn(folder)) {
            Partner partner = yaml.read(file, Partner.class);
            if (partners.putIfAbsent(partner.id(), partner) != null) {
                throw new InvalidConfigurationException(file + ": partner " + partner.id() + " is defined twice");
            }
        }
        return new PartnerDirectory(partners);
    }

    public Optional<Partner> find(String id) {
        return Optional.ofNullable(partners.get(id));
    }

    public Collection<Partner> all() {
        return partners.values();
    }
}
