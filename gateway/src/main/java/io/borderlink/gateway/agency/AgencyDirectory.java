package io.borderlink.gateway.agency;

import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.Digests;
import io.borderlink.gateway.config.CertificateFiles;
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
    private final CertificateFiles certificates;

    private AgencyDirectory(
            Map<String, Agency> byId,
            Map<String, Agency> byFingerprint,
            String version,
            Map<String, String> fileNames,
            CertificateFiles certificates) {
        this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
        this.byFingerprint = Map.copyOf(byFingerprint);
        this.version = version;
        this.fileNames = Map.copyOf(fileNames);
        this.certificates = certificates;
    }

    /**
     * Reads every agency file in the folder and the certificates they register; a certificate registered to two
     * agencies, or a file that does not hold exactly one certificate, makes the whole folder invalid.
     */
    public static AgencyDirectory load(Path folder, YamlRecords yaml) {
        Map<String, Agency> byId = new LinkedHashMap<>();
        Map<String, String> fileNames = new HashMap<>();
        Map<Path, String> owners = new LinkedHashMap<>();
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
            agency.certificates().forEach(certificate -> owners.putIfAbsent(certificate, agency.id()));
            agency.recipient().ifPresent(to -> {
                owners.putIfAbsent(to.certificate(), agency.id());
                // Read and watched too: a root replaced in place is checked as a renewed certificate is.
                owners.putIfAbsent(to.trustAnchor(), agency.id());
            });
        }
        CertificateFiles certificates = CertificateFiles.read(owners);
        Map<String, Agency> byFingerprint = certificates.byFingerprint(byId.values(), Agency::certificates, Agency::id);
        String version = Digests.sha256(files.toString().getBytes(StandardCharsets.UTF_8));
        return new AgencyDirectory(
                byId, byFingerprint, "agencies@" + version.substring(0, 12), fileNames, certificates);
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

    /** The certificate files the agencies register and their servers' trust anchors, as this configuration read them. */
    public CertificateFiles certificateFiles() {
        return certificates;
    }

    /** Every certificate file the agencies name (their own, the roots of their servers), by what names it. */
    public Map<String, Path> registeredFiles() {
        Map<String, Path> files = new LinkedHashMap<>();
        for (Agency agency : byId.values()) {
            String owner = "agency " + agency.id() + " (borderlink.config.agencies) ";
            for (int i = 0; i < agency.certificates().size(); i++) {
                files.put(
                        owner + "certificates[" + i + "]", agency.certificates().get(i));
            }
            agency.recipient().ifPresent(to -> {
                files.put(owner + "inbound.certificate", to.certificate());
                files.put(owner + "inbound.trust-anchor", to.trustAnchor());
            });
        }
        return files;
    }
}
