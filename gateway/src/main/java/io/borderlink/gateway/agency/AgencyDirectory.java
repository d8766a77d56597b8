package io.borderlink.gateway.agency;

import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.Digests;
import io.borderlink.gateway.config.InvalidConfigurationException;
import io.borderlink.gateway.config.YamlRecords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every registered agency, by id and by the fingerprints of its certificates. */
public final class AgencyDirectory {

    private final Map<String, Agency> byId;
    private final Map<String, Agency> byFingerprint;
    private final String version;
    private final Map<String, String> fileNames;

    /** @param version names the agency files' content, so that an inbound decision can say which rules made it */
    public AgencyDirectory(Map<String, Agency> byId, Map<String, Agency> byFingerprint, String version) {
        this(byId, byFingerprint, version, Map.of());
    }

    private AgencyDirectory(
            Map<String, Agency> byId,
            Map<String, Agency> byFingerprint,
            String version,
            Map<String, String> fileNames) {
        this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
        this.byFingerprint = Map.copyOf(byFingerprint);
        this.version = version;
        this.fileNames = Map.copyOf(fileNames);
    }

    public static AgencyDirectory load(Path folder, YamlRecords yaml) {
        Map<String, Agency> byId = new LinkedHashMap<>();
        Map<String, Agency> byFingerprint = new HashMap<>();
        Map<String, String> fileNames = new HashMap<>();
        StringBuilder files = new StringBuilder();
        for (Path file : YamlRecords.filesIn(folder)) {
            files.append(file.getFileName())
                    .append('=')
                    .append(YamlRecords.digest(file))
                    .append('\n');
            Agency agency = yaml.read(file, Agency.class);
            if (byId.putIfAbsent(agency.id(), agency) != null) {
                throw new InvalidConfigurationException(file + ": agency " + agency.id() + " is defined twice");
            }
            fileNames.put(agency.id(), file.getFileName().toString().replaceFirst("\\.yml$", ""));
            for (Path certificate : agency.certificates()) {
                String fingerprint = Certificates.fingerprint(Certificates.readCertificate(certificate));
                Agency previous = byFingerprint.putIfAbsent(fingerprint, agency);
                if (previous != null) {
                    throw new InvalidConfigurationException(
                            file + ": " + certificate + " is already registered to " + previous.id());
                }
            }
        }
        String version = Digests.sha256(files.toString().getBytes(StandardCharsets.UTF_8));
        return new AgencyDirectory(byId, byFingerprint, "agencies@" + version.substring(0, 12), fileNames);
    }

    /** Every agency, in file order. */
    public Collection<Agency> all() {
        return byId.values();
    }

    public String version() {
        return version;
    }

    /** The agency's file name without {@code .yml}: its inbound cases are in the folder of that name. */
    public Optional<String> fileName(String id) {
        return Optional.ofNullable(fileNames.get(id));
    }

    public Optional<Agency> byCertificate(X509Certificate certificate) {
        return Optional.ofNullable(byFingerprint.get(Certificates.fingerprint(certificate)));
    }

    public Optional<Agency> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
