package io.borderlink.gateway.production;

import io.borderlink.crypto.Certificates;
import io.borderlink.gateway.agency.Agencies;
import io.borderlink.gateway.audit.AuditSettings;
import io.borderlink.gateway.cluster.ClusterSettings;
import io.borderlink.gateway.config.DirectorySettings;
import io.borderlink.gateway.config.YamlRecords;
import io.borderlink.gateway.exchange.EvidenceSettings;
import io.borderlink.gateway.labels.LabelPolicyDirectory;
import io.borderlink.gateway.partner.PartnerDirectory;
import io.borderlink.gateway.people.People;
import io.borderlink.gateway.pki.GatewayKeys;
import io.borderlink.gateway.pki.PkiSettings;
import io.borderlink.gateway.pki.Revocation;
import io.borderlink.gateway.security.ConsoleSettings;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Under the prod profile, refuses to start with anything {@link ProductionChecks} finds, naming every
 * setting at fault at once. Created before the cluster member and the web security (they depend on it by
 * name), so a refused node never joins its cluster nor answers a request. Does nothing outside prod.
 */
@Component("productionReadiness")
class ProductionReadiness {

    static final String PROD = "prod";
    private static final String SERVER_STORES = "spring.ssl.bundle.jks.server.";

    ProductionReadiness(
            Environment environment,
            PkiSettings pki,
            GatewayKeys keys,
            Revocation revocation,
            SslBundles tls,
            Agencies agencies,
            DirectorySettings directories,
            YamlRecords yaml,
            People people,
            ClusterSettings cluster,
            AuditSettings audit,
            EvidenceSettings evidence,
            ConsoleSettings console) {
        if (!environment.acceptsProfiles(Profiles.of(PROD))) {
            return;
        }
        ProductionChecks checks = new ProductionChecks();
        checks.store(
                "borderlink.pki.signing.keystore",
                pki.signing().keystore().toString(),
                keys.signing().chain());
        checks.store(
                "borderlink.pki.encryption.keystore",
                pki.encryption().keystore().toString(),
                keys.encryption().chain());
        keys.ecSigning()
                .ifPresent(key -> checks.store(
                        "borderlink.pki.ec-signing.keystore",
                        pki.ecSigning().keystore().toString(),
                        key.chain()));
        keys.ecEncryption()
                .ifPresent(key -> checks.store(
                        "borderlink.pki.ec-encryption.keystore",
                        pki.ecEncryption().keystore().toString(),
                        key.chain()));
        checks.checkpointKey(
                "borderlink.pki.audit-checkpoint",
                pki.auditCheckpoint() == null
                        ? null
                        : pki.auditCheckpoint().keystore().toString(),
                keys.auditCheckpoint().orElse(null),
                onlineKeys(keys, tls.getBundle("server").getStores().getKeyStore()));
        checks.keyEncryptionKey(
                "borderlink.evidence.kek",
                evidence.kek().keystore().toString(),
                evidence.kek().alias());
        checks.store(
                SERVER_STORES + "keystore.location",
                environment.getProperty(SERVER_STORES + "keystore.location", ""),
                certificatesIn(tls.getBundle("server").getStores().getKeyStore()));
        checks.store(
                SERVER_STORES + "truststore.location",
                environment.getProperty(SERVER_STORES + "truststore.location", ""),
                certificatesIn(tls.getBundle("server").getStores().getTrustStore()));
        trustSettings(checks, "agencies", pki.agencies());
        trustSettings(checks, "people", pki.people());
        Revocation.Snapshot crls = revocation.current();
        checks.crls(
                "borderlink.pki.crl-folder",
                pki.crlFolder(),
                Stream.concat(crls.current().stream(), crls.expired().stream())
                        .map(Revocation.Crl::crl)
                        .toList());
        agencies.current().registeredFiles().forEach((setting, file) -> file(checks, setting, file));
        // Read here rather than taken from the partners in force, which need the cluster this check precedes.
        PartnerDirectory.load(
                        directories.partners(), yaml, LabelPolicyDirectory.load(directories.labelPolicies(), yaml))
                .registeredFiles()
                .forEach((setting, file) -> file(checks, setting, file));
        people.current().registeredFiles().forEach((setting, file) -> file(checks, setting, file));
        checks.cluster(cluster);
        checks.anchoring(
                audit.tsaUrl(),
                audit.tsaCertificate(),
                audit.tsaCertificate() == null ? null : Certificates.readCertificate(audit.tsaCertificate()));
        checks.formLogin(console.formLogin());
        if (!checks.problems().isEmpty()) {
            throw new ProductionRefusal(checks.problems());
        }
    }

    /** Every key the gateway uses online, by the setting that names it: none may sign checkpoints too. */
    private static Map<String, PublicKey> onlineKeys(GatewayKeys keys, KeyStore tls) {
        Map<String, PublicKey> online = new LinkedHashMap<>();
        online.put("borderlink.pki.signing", keys.signing().certificate().getPublicKey());
        online.put("borderlink.pki.encryption", keys.encryption().certificate().getPublicKey());
        keys.ecSigning()
                .ifPresent(k ->
                        online.put("borderlink.pki.ec-signing", k.certificate().getPublicKey()));
        keys.ecEncryption()
                .ifPresent(k -> online.put(
                        "borderlink.pki.ec-encryption", k.certificate().getPublicKey()));
        List<X509Certificate> served = certificatesIn(tls);
        for (int i = 0; i < served.size(); i++) {
            online.put(
                    "the TLS key (" + SERVER_STORES + "keystore, entry " + (i + 1) + ")",
                    served.get(i).getPublicKey());
        }
        return online;
    }

    private static void trustSettings(ProductionChecks checks, String domain, PkiSettings.TrustSettings trust) {
        files(checks, "borderlink.pki." + domain + ".anchors", trust.anchors());
        files(checks, "borderlink.pki." + domain + ".intermediates", trust.intermediates());
    }

    private static void files(ProductionChecks checks, String setting, List<Path> files) {
        for (int i = 0; i < files.size(); i++) {
            file(checks, setting + "[" + i + "]", files.get(i));
        }
    }

    private static void file(ProductionChecks checks, String setting, Path file) {
        checks.certificate(setting, file, Certificates.readCertificate(file));
    }

    private static List<X509Certificate> certificatesIn(KeyStore store) {
        if (store == null) {
            return List.of();
        }
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.getCertificate(alias) instanceof X509Certificate certificate) {
                    certificates.add(certificate);
                }
            }
            return certificates;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the TLS key or trust store: " + e.getMessage(), e);
        }
    }
}
