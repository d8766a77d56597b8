package io.borderlink.gateway.agency;

import io.borderlink.gateway.config.InvalidConfigurationException;
import io.borderlink.gateway.config.YamlRecords;
import io.borderlink.gateway.crypto.Certificates;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every registered agency, by id and by the fingerprints of its certificates. */
public final class AgencyDirectory {

    private final Map<String, Agency> byId;
    private final Map<String, Agency> byFingerprint;

    public AgencyDirectory(Map<String, Agency> byId, Map<String, Agency> byFingerprint) {
        this.byId = Map.copyOf(byId);
        this.byFingerprint = Map.copyOf(byFingerprint);
    }

    public static AgencyDirectory load(Path folder, YamlRecords yaml) {
        Map<String, Agency> byId = new LinkedHashMap<>();
        Map<String, Agency> byFingerprint = new HashMap<>();
        for (Path file : YamlRecords.filesIn(folder)) {
            Agency agency = yaml.read(file, Agency.class);
            if (byId.putIfAbsent(agency.id(), agency) != null) {
                throw new InvalidConfigurationException(file + ": agency " + agency.id() + " is defined twice");
            }
            for (Path certificate : agency.certificates()) {
                String fingerprint = Certificates.fingerprint(Certificates.readCertificate(certificate));
                Agency previous = byFingerprint.putIfAbsent(fingerprint, agency);
                if (previous != null) {
                    throw new InvalidConfigurationException(
                            file + ": " + certificate + " is already registered to " + previous.id());
                }
            }
        }
        return new AgencyDirectory(byId, byFingerprint);
    }

    public Optional<Agency> byCertificate(X509Certificate certificate) {
        return Optional.ofNullable(byFingerprint.get(Certificates.fingerprint(certificate)));
    }

    public Optional<Agency> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
