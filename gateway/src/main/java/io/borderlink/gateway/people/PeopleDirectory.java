package io.borderlink.gateway.people;

import io.borderlink.crypto.Certificates;
import io.borderlink.gateway.config.CertificateFiles;
import io.borderlink.gateway.config.InvalidConfigurationException;
import io.borderlink.gateway.config.YamlRecords;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Everyone who may use the console, by id and by the fingerprints of their certificates. */
public final class PeopleDirectory {

    private final Map<String, Person> byId;
    private final Map<String, Person> byFingerprint;
    private final CertificateFiles certificates;

    private PeopleDirectory(
            Map<String, Person> byId, Map<String, Person> byFingerprint, CertificateFiles certificates) {
        this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
        this.byFingerprint = Map.copyOf(byFingerprint);
        this.certificates = certificates;
    }

    /**
     * Reads every person's file in the folder and the certificates they register; a certificate registered to two
     * people, or a file that does not hold exactly one certificate, makes the whole folder invalid.
     */
    public static PeopleDirectory load(Path folder, YamlRecords yaml) {
        Map<String, Person> byId = new LinkedHashMap<>();
        Map<Path, String> owners = new LinkedHashMap<>();
        for (Path file : YamlRecords.filesIn(folder)) {
            Person person = yaml.read(file, Person.class);
            if (byId.putIfAbsent(person.id(), person) != null) {
                throw new InvalidConfigurationException(file + ": person " + person.id() + " is defined twice");
            }
            person.certificates().forEach(certificate -> owners.putIfAbsent(certificate, person.id()));
        }
        CertificateFiles certificates = CertificateFiles.read(owners);
        Map<String, Person> byFingerprint = certificates.byFingerprint(byId.values(), Person::certificates, Person::id);
        return new PeopleDirectory(byId, byFingerprint, certificates);
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

    /** The certificate files the people register, as this configuration read them. */
    public CertificateFiles certificateFiles() {
        return certificates;
    }

    /** Every certificate file the people's files name, by what names it. */
    public Map<String, Path> registeredFiles() {
        Map<String, Path> files = new LinkedHashMap<>();
        for (Person person : byId.values()) {
            for (int i = 0; i < person.certificates().size(); i++) {
                files.put(
                        "person " + person.id() + " (borderlink.config.people) certificates[" + i + "]",
                        person.certificates().get(i));
            }
        }
        return files;
    }
}
