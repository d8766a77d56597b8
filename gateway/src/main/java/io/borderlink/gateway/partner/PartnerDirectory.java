package io.borderlink.gateway.partner;

import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.Digests;
import io.borderlink.gateway.config.InvalidConfigurationException;
import io.borderlink.gateway.config.YamlRecords;
import io.borderlink.gateway.labels.LabelPolicyDirectory;
import io.borderlink.gateway.policy.PolicyTarget;
import io.borderlink.gateway.policy.PolicyValidation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

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
    private final String certificatesRead;
    private final LabelPolicyDirectory labelPolicies;

    private PartnerDirectory(
            Map<String, Partner> partners,
            Map<String, String> policyVersions,
            Map<String, String> fileNames,
            String digest,
            RegisteredFiles certificates,
            LabelPolicyDirectory labelPolicies) {
        this.partners = Map.copyOf(partners);
        this.byFingerprint = senders(partners.values(), certificates);
        this.policyVersions = Map.copyOf(policyVersions);
        this.fileNames = Map.copyOf(fileNames);
        this.digest = digest;
        this.certificatesRead = certificates.digest();
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
                RegisteredFiles.read(partners.values()),
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
    private static Map<String, Partner> senders(Collection<Partner> partners, RegisteredFiles certificates) {
        Map<String, Partner> senders = new HashMap<>();
        for (Partner partner : partners) {
            if (partner.inbound() != null
                    && !partner.inbound().polled()
                    && !partner.transport().fileDrop()) {
                String fingerprint = Certificates.fingerprint(certificates.certificateOf(partner));
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

    /** A digest of the certificate files the partners register, as this configuration read them. */
    public String certificatesRead() {
        return certificatesRead;
    }

    /**
     * The same digest over what those files hold now ({@code read} answering a file's bytes): unlike
     * {@link #certificatesRead()} when a certificate was renewed in place (the partner file unchanged), which
     * changes who may push to us as that partner.
     */
    String certificatesNow(Function<Path, byte[]> read) {
        Map<Path, byte[]> now = new TreeMap<>();
        for (Partner partner : partners.values()) {
            now.computeIfAbsent(partner.certificate(), read);
        }
        return RegisteredFiles.digest(now);
    }

    /** Each partner's certificate file, read once for the whole load. */
    private record RegisteredFiles(Map<Path, byte[]> files, Map<Path, X509Certificate> certificates) {

        /**
         * A file that cannot be read, or holds anything but one certificate, makes the configuration invalid: a
         * reload that meets a certificate half-copied is refused, not half-applied.
         */
        static RegisteredFiles read(Collection<Partner> partners) {
            Map<Path, byte[]> files = new TreeMap<>();
            Map<Path, X509Certificate> certificates = new HashMap<>();
            for (Partner partner : partners) {
                Path file = partner.certificate();
                if (files.containsKey(file)) {
                    continue;
                }
                try {
                    byte[] bytes = Files.readAllBytes(file);
                    List<X509Certificate> held = Certificates.parseAll(bytes);
                    if (held.size() != 1) {
                        throw new IllegalArgumentException(
                                "it must hold exactly one certificate, found " + held.size());
                    }
                    files.put(file, bytes);
                    certificates.put(file, held.get(0));
                } catch (IOException | RuntimeException e) {
                    throw new InvalidConfigurationException(
                            partner.id() + ": cannot read its certificate " + file + ": " + e.getMessage());
                }
            }
            return new RegisteredFiles(files, certificates);
        }

        X509Certificate certificateOf(Partner partner) {
            return certificates.get(partner.certificate());
        }

        String digest() {
            return digest(files);
        }

        static String digest(Map<Path, byte[]> files) {
            StringBuilder all = new StringBuilder();
            files.forEach((file, bytes) ->
                    all.append(file).append('=').append(Digests.sha256(bytes)).append('\n'));
            return Digests.sha256(all.toString().getBytes());
        }
    }
}
