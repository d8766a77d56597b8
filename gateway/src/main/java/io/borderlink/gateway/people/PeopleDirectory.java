package io.borderlink.gateway.people;

import io.borderlink.crypto.Certificates;
import io.borderlink.gateway.config.InvalidConfigurationException;
import io.borderlink.gateway.config.YamlRecords;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Everyone who may use the console, by id and by the fingerprints of their certificates. */
public final class PeopleDirectory {

    private final Map<String, Person> byId;
    private final Map<String, Person> byFingerprint;

    PeopleDirectory(Map<String, Person> byId, Map<String, Person> byFingerprint) {
        this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
        this.byFingerprint = Map.copyOf(byFingerprint);
    }

    public static PeopleDirectory load(Path folder, YamlRecords yaml) {
        Map<String, Person> byId = new LinkedHashMap<>();
        Map<String, Person> byFingerprint = new HashMap<>();
        for (Path file : YamlRecords.filesIn(folder)) {
            Person person = yaml.read(file, Person.class);
            if (byId.putIfAbsent(person.id(), person) != null) {
                throw new InvalidConfigurationException(file + ": person " + person.id() + " is defined twice");
            }
            for (Path certificate : person.certificates()) {
                String fingerprint = Certificates.fingerprint(Certificates.readCertificate(certificate));
                Person previous = byFingerprint.putIfAbsent(fingerprint, person);
                if (previous != null) {
                    throw new InvalidConfigurationException(
                            file + ": " + certificate + " is already registered to " + previous.id());
                }
            }
        }
        return new PeopleDirectory(byId, byFingerprint);
    }

    /** Everyone, in file order. */
    public Collection<Person> all() {
        return byId.values();
    }

    public Optional<Person> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Person> byCertificate(X509Certificate certificate) {
        return Optional.ofNullable(byFingerprint.get(Certificates.fingerprint(certificate)));
    }
}
