package io.borderlink.gateway.production;

import io.borderlink.crypto.Certificates;
import io.borderlink.crypto.SigningKey;
import io.borderlink.gateway.cluster.ClusterSettings;
import io.borderlink.gateway.pki.DevelopmentMaterial;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a production gateway must not run with, each problem named by the setting that causes it:
 * development material (a certificate, trust anchor, CRL or key carrying {@code OU=DEV ONLY}, or a file
 * under {@code certs-dev/}, whose private keys are public), no audit checkpoint key of its own, a cluster
 * that binds to loopback only or whose minimum is not a majority of its members, no RFC 3161 anchoring of
 * the audit trail, and the development form login. Collects every problem, so that an operator fixes them in one go.
 */
final class ProductionChecks {

    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;

    private final List<String> problems = new ArrayList<>();

    /** A certificate from a file: neither under certs-dev/ nor development material. */
    void certificate(String setting, Path file, X509Certificate certificate) {
        DevelopmentMaterial.problem(file, certificate).ifPresent(problem -> refuse(setting, file.toString(), problem));
    }

    /** A key or trust store: its location, and every certificate in it. */
    void store(String setting, String location, List<X509Certificate> certificates) {
        if (DevelopmentMaterial.underDevelopmentFolder(location)) {
            refuse(setting, location, "development material (under certs-dev/)");
            return;
        }
        certificates.stream()
                .filter(Certificates::isDevelopmentCertificate)
                .findFirst()
                .ifPresent(dev -> refuse(setting, location, "holds development material (" + subject(dev) + ")"));
    }

    /**
     * The key that signs audit checkpoints: set, not development material, allowed to sign by its
     * certificate, and none of the keys the gateway uses online (TLS, outbound signatures, decryption), so
     * that whoever obtains one of those still cannot sign another history of the trail.
     *
     * @param location its key store, or null when it is not set
     * @param online the other keys' public keys, by the setting that names each
     */
    void checkpointKey(String setting, String location, SigningKey key, Map<String, PublicKey> online) {
        if (location == null || key == null) {
            problems.add(setting + ": not set; under prod the audit trail's checkpoints are signed by a key of their"
                    + " own (keystore, password, alias), none of the gateway's other keys");
            return;
        }
        String keystore = setting + ".keystore";
        store(keystore, location, key.chain());
        boolean[] usage = key.certificate().getKeyUsage();
        if (usage != null && !usage[DIGITAL_SIGNATURE] && !usage[NON_REPUDIATION]) {
            refuse(
                    keystore,
                    location,
                    "its certificate's key usage allows neither digitalSignature nor nonRepudiation");
        }
        byte[] encoded = key.certificate().getPublicKey().getEncoded();
        online.forEach((other, publicKey) -> {
            if (Arrays.equals(encoded, publicKey.getEncoded())) {
                refuse(keystore, location, "the same key as " + other + "; checkpoints need a key of their own");
            }
        });
    }

    /**
     * The store of the keys that wrap evidence data keys: secret keys carry no certificate to read a marking
     * from, so the development one is known by its folder and its alias.
     */
    void keyEncryptionKey(String setting, String location, String alias) {
        if (DevelopmentMaterial.underDevelopmentFolder(location)) {
            refuse(setting + ".keystore", location, "development material (under certs-dev/)");
        } else if (alias.startsWith("dev-only")) {
            refuse(setting + ".alias", alias, "the development key-encryption key");
        }
    }

    /** The CRL folder: its location, and the issuer of every CRL in it. */
    void crls(String setting, Path folder, List<X509CRL> crls) {
        if (DevelopmentMaterial.underDevelopmentFolder(folder.toString())) {
            refuse(setting, folder.toString(), "development material (under certs-dev/)");
            return;
        }
        crls.stream()
                .filter(Certificates::isDevelopmentCrl)
                .findFirst()
                .ifPresent(dev -> refuse(
                        setting,
                        folder.toString(),
                        "holds a CRL of a development CA ("
                                + dev.getIssuerX500Principal().getName() + ")"));
    }

    /**
     * The cluster must listen on an address the other nodes can reach, and count as present only with a
     * majority of its members, so that the minority side of a split holds rather than counts alone.
     */
    void cluster(ClusterSettings cluster) {
        if (loopback(cluster.bindAddress())) {
            refuse(
                    "borderlink.cluster.bind-address",
                    cluster.bindAddress(),
                    "binds the cluster to loopback only; bind it to this node's address on the private network");
        }
        Set<String> members = new LinkedHashSet<>(cluster.members());
        boolean listsItself = members.contains(cluster.bindAddress())
                || members.contains(cluster.bindAddress() + ":" + cluster.port());
        int size = members.size() + (listsItself ? 0 : 1);
        int majority = size / 2 + 1;
        if (cluster.minimumMembers() < majority || cluster.minimumMembers() > size) {
            refuse(
                    "borderlink.cluster.minimum-members",
                    String.valueOf(cluster.minimumMembers()),
                    "not a majority of the " + size
                            + " members of borderlink.cluster.members (this node included): set it to " + majority);
        }
    }

    /** RFC 3161 anchoring: without it, whoever holds the gateway's key could sign another history. */
    void anchoring(URI tsaUrl, Path tsaCertificate, X509Certificate tsa) {
        if (tsaUrl == null) {
            problems.add("borderlink.audit.tsa-url: not set; anchoring the audit trail with an RFC 3161"
                    + " time-stamping authority is required under prod (and borderlink.audit.tsa-certificate)");
        } else {
            certificate("borderlink.audit.tsa-certificate", tsaCertificate, tsa);
        }
    }

    void formLogin(boolean enabled) {
        if (enabled) {
            refuse("borderlink.console.form-login", "true", "the password form login is for development only");
        }
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    private void refuse(String setting, String value, String problem) {
        problems.add(setting + " (" + value + "): " + problem);
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            // Not resolvable here: Hazelcast will say so when it binds; loopback it is not.
            return false;
        }
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}
