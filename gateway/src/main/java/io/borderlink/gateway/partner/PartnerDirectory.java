package io.borderlink.gateway.partner;

import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.Digests;
import io.borderlink.gateway.config.CertificateFiles;
import io.borderlink.gateway.config.InvalidConfigurationException;
import io.borderlink.gateway.config.YamlRecords;
import io.borderlink.gateway.labels.LabelPolicyDirectory;
import io.borderlink.gateway.policy.PolicyTarget;
import io.borderlink.gateway.policy.PolicyValidation;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every configured partner, by id, loaded from {@code config/partners/*.yml}, with the version of its
 * policy: the author's version plus the digest of the file, so that an edit that forgets to bump the
 * version still shows in every decision it makes.
 */
public final class PartnerDirectory {

    private final Map<String, Partner> partners;
    private final Map<String, Partner> byFingerprint;
    private final Map<String, String> policyVersions;
    private final Map<String, String> fileNames;
    private final String digest;
    private final CertificateFiles certificates;
    private final LabelPolicyDirectory labelPolicies;

    private PartnerDirectory(
            Map<String, Partner> partners,
            Map<String, String> policyVersions,
            Map<String, String> fileNames,
            String digest,
            CertificateFiles certificates,
            LabelPolicyDirectory labelPolicies) {
        this.partners = Map.copyOf(partners);
        this.byFingerprint = senders(partners.values(), certificates);
        this.policyVersions = Map.copyOf(policyVersions);
        this.fileNames = Map.copyOf(fileNames);
        this.digest = digest;
        this.certificates = certificates;
        this.labelPolicies = labelPolicies;
    }

    /** @param labelPolicies what the partners' {@code labels.policy} may name */
    public static PartnerDirectory load(Path folder, YamlRecords yaml, LabelPolicyDirectory labelPolicies) {
        Map<String, Partner> partners = new LinkedHashMap<>();
        Map<String, String> versions = new LinkedHashMap<>();
        Map<String, String> fileNames = new LinkedHashMap<>();
        StringBuilder all = new StringBuilder();
        for (Path file : YamlRecords.filesIn(folder)) {
            YamlRecords.Loaded<Partner> loaded = yaml.load(file, Partner.class);
            Partner partner = loaded.value();
            PolicyValidation.check(partner.policy(), loaded);
            PartnerValidation.check(partner, loaded, labelPolicies);
            if (partners.putIfAbsent(partner.id(), partner) != null) {
                throw new InvalidConfigurationException(file + ": partner " + partner.id() + " is defined twice");
            }
            String fileDigest = YamlRecords.digest(file);
            versions.put(partner.id(), partner.policy().version() + "@" + fileDigest.substring(0, 12));
            fileNames.put(partner.id(), file.getFileName().toString().replaceFirst("\\.yml$", ""));
            all.append(file.getFileName()).append('=').append(fileDigest).append('\n');
        }
        PartnerValidation.requireDistinctImportFolders(partners.values());
        return new PartnerDirectory(
                partners,
                versions,
                fileNames,
                Digests.sha256(all.toString().getBytes()),
                certificateFiles(partners.values()),
                labelPolicies);
    }

    /** The partner that sends to us with this certificate, matched by the whole certificate. */
    public Optional<Partner> byCertificate(X509Certificate certificate) {
        return Optional.ofNullable(byFingerprint.get(Certificates.fingerprint(certificate)));
    }

    /**
     * Partners that send to us, by their certificate's fingerprint; one certificate, one sender. A polled
     * partner is not one, nor is one whose files we import: what either signs with is never a reason to accept
     * a push.
     */
    private static Map<String, Partner> senders(Collection<Partner> partners, CertificateFiles certificates) {
        Map<String, Partner> senders = new HashMap<>();
        for (Partner partner : partners) {
            if (partner.inbound() != null
                    && !partner.inbound().polled()
                    && !partner.transport().fileDrop()) {
                String fingerprint = Certificates.fingerprint(
                        certificates.certificate(partner.certificate()).orElseThrow());
                Partner previous = senders.putIfAbsent(fingerprint, partner);
                if (previous != null) {
                    throw new InvalidConfigurationException(partner.id() + " sends with the certificate of "
                            + previous.id() + " (" + partner.certificate() + "); a sender must be told apart");
                }
            }
        }
        return Map.copyOf(senders);
    }

    public Optional<Partner> find(String id) {
        return Optional.ofNullable(partners.get(id));
    }

    public Collection<Partner> all() {
        return partners.values();
    }

    /** What the policy engine needs of a partner, with the version decisions record: {@code <version>@<file digest>}. */
    public PolicyTarget policyTarget(Partner partner) {
        String code = partner.policy().releasableTo() != null ? partner.policy().releasableTo() : partner.country();
        String version = policyVersions.get(partner.id());
        PartnerLabels labels = partner.labels();
        if (labels == null) {
            return new PolicyTarget(partner.id(), code, partner.policy(), version);
        }
        return new PolicyTarget(
                partner.id(),
                code,
                partner.policy(),
                version,
                labelPolicies.find(labels.policy()).orElseThrow(),
                labels.rules());
    }

    /** The label policies the partners were checked against, which their labels are written under. */
    public LabelPolicyDirectory labelPolicies() {
        return labelPolicies;
    }

    /** The partner's file name without {@code .yml}; its policy cases live in the folder of that name. */
    public String fileName(String partnerId) {
        return fileNames.get(partnerId);
    }

    /** A digest over every partner file, to tell whether a reload changed anything. */
    public String digest() {
        return digest;
    }

    /** Every certificate file the partners name (their own, their roots), by what names it. */
    public Map<String, Path> registeredFiles() {
        Map<String, Path> files = new LinkedHashMap<>();
        for (Partner partner : partners.values()) {
            String owner = "partner " + partner.id() + " (borderlink.config.partners) ";
            files.put(owner + "certificate", partner.certificate());
            files.put(owner + "trust-anchor", partner.trustAnchor());
        }
        return files;
    }

    /** The certificate files the partners register and their trust anchors, as this configuration read them. */
    public CertificateFiles certificateFiles() {
        return certificates;
    }

    private static CertificateFiles certificateFiles(Collection<Partner> partners) {
        Map<Path, String> owners = new LinkedHashMap<>();
        partners.forEach(partner -> {
            owners.putIfAbsent(partner.certificate(), partner.id());
            // Read and watched too: a root replaced in place is checked as a renewed certificate is.
            owners.putIfAbsent(partner.trustAnchor(), partner.id());
        });
        return CertificateFiles.read(owners);
    }
}
