package io.borderlink.gateway.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderlink.crypto.Certificates;
import io.borderlink.gateway.cluster.ClusterSettings;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.TestPki;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each refusal of the prod profile, named by its setting, and production material passing them all. */
class ProductionChecksTest {

    @TempDir
    static Path folder;

    private static final String CHECKPOINT_SETTING = "borderlink.pki.audit-checkpoint";

    private static TestPki.Authority productionRoot;
    private static TestPki.Authority gatewayCa;

    private final ProductionChecks checks = new ProductionChecks();

    @BeforeAll
    static void productionLikePki() {
        productionRoot = TestPki.in(folder.resolve("pki")).root("root", "CN=Test National Root,O=Test,C=MN");
        gatewayCa = productionRoot.intermediate("gateway-ca", "CN=Test Gateway CA,O=Test,C=MN");
    }

    @Test
    void refusesATrustAnchorUnderTheDevelopmentFolder() {
        checks.certificate(
                "borderlink.pki.agencies.anchors[0]",
                Path.of("certs-dev/ca/national-root.crt.pem"),
                productionRoot.certificate());

        assertThat(checks.problems())
                .containsExactly("borderlink.pki.agencies.anchors[0] (certs-dev/ca/national-root.crt.pem):"
                        + " development material (under certs-dev/)");
    }

    @Test
    void refusesADevelopmentCertificateWhereverItLives() throws Exception {
        Path copy = Files.copy(DevPki.file("mn-border.crt.pem"), folder.resolve("mn-border.crt.pem"));

        checks.certificate("agency MN-BORDER certificates[0]", copy, Certificates.readCertificate(copy));

        assertThat(checks.problems())
                .singleElement()
                .asString()
                .contains("agency MN-BORDER certificates[0]", "OU=DEV ONLY");
    }

    @Test
    void refusesAKeyStoreHoldingDevelopmentMaterial() {
        checks.store(
                "spring.ssl.bundle.jks.server.truststore.location",
                "file:/etc/borderlink/trust.p12",
                List.of(productionRoot.certificate(), DevPki.ca("national-root")));

        assertThat(checks.problems())
                .singleElement()
                .asString()
                .startsWith("spring.ssl.bundle.jks.server.truststore.location (file:/etc/borderlink/trust.p12): holds"
                        + " development material");
    }

    /** Production RSA keys of its own, but the development EC signing key: refused like any development key. */
    @Test
    void refusesTheDevelopmentEcKeyBesideProductionRsaKeys() {
        checks.store(
                "borderlink.pki.ec-signing.keystore",
                "/etc/borderlink/gateway-ec.p12",
                DevPki.key("gateway-ec").chain());

        assertThat(checks.problems())
                .singleElement()
                .asString()
                .startsWith("borderlink.pki.ec-signing.keystore (/etc/borderlink/gateway-ec.p12): holds development"
                        + " material");
    }

    @Test
    void refusesTheDevelopmentKeyEncryptionKeyByFolderOrAlias() {
        checks.keyEncryptionKey("borderlink.evidence.kek", "certs-dev/evidence-kek.p12", "kek-2026");
        checks.keyEncryptionKey("borderlink.evidence.kek", "/etc/borderlink/kek.p12", "dev-only-evidence-kek-1");
        checks.keyEncryptionKey("borderlink.evidence.kek", "/etc/borderlink/kek.p12", "kek-2026");

        assertThat(checks.problems())
                .containsExactly(
                        "borderlink.evidence.kek.keystore (certs-dev/evidence-kek.p12): development material (under"
                                + " certs-dev/)",
                        "borderlink.evidence.kek.alias (dev-only-evidence-kek-1): the development key-encryption key");
    }

    @Test
    void refusesToRunWithoutAKeyOfItsOwnForAuditCheckpoints() {
        checks.checkpointKey(CHECKPOINT_SETTING, null, null, Map.of());

        assertThat(checks.problems())
                .singleElement()
                .asString()
                .startsWith("borderlink.pki.audit-checkpoint: not set; under prod the audit trail's checkpoints are"
                        + " signed by a key of their own");
    }

    @Test
    void refusesTheDevelopmentCheckpointKeyWhereverItLives() {
        checks.checkpointKey(
                CHECKPOINT_SETTING, "/etc/borderlink/audit-checkpoint.p12", DevPki.key("audit-checkpoint"), Map.of());

        assertThat(checks.problems())
                .singleElement()
                .asString()
                .startsWith("borderlink.pki.audit-checkpoint.keystore (/etc/borderlink/audit-checkpoint.p12): holds"
                        + " development material (CN=borderlink-audit-checkpoint,OU=DEV ONLY");
    }

    /** The gateway's signing key, which is also its TLS key here, named again as the checkpoint key. */
    @Test
    void refusesACheckpointKeyThatIsTheTlsOrTheSigningKey() {
        TestPki.Issued gateway =
                gatewayCa.issue("gateway", "CN=borderlink-gateway,O=Test,C=MN", TestPki.Profile.SYSTEM);
        Map<String, PublicKey> online = new LinkedHashMap<>();
        online.put("borderlink.pki.signing", gateway.certificate().getPublicKey());
        online.put("the TLS key", gateway.certificate().getPublicKey());

        checks.checkpointKey(CHECKPOINT_SETTING, "/etc/borderlink/gateway.p12", gateway.key(), online);

        assertThat(checks.problems())
                .containsExactly(
                        "borderlink.pki.audit-checkpoint.keystore (/etc/borderlink/gateway.p12): the same key as"
                                + " borderlink.pki.signing; checkpoints need a key of their own",
                        "borderlink.pki.audit-checkpoint.keystore (/etc/borderlink/gateway.p12): the same key as"
                                + " the TLS key; checkpoints need a key of their own");
    }

    @Test
    void refusesACheckpointKeyWhoseCertificateMayNotSign() {
        TestPki.Issued encryption =
                gatewayCa.issue("encryption", "CN=borderlink-encryption,O=Test,C=MN", TestPki.Profile.ENCRYPTION);

        checks.checkpointKey(CHECKPOINT_SETTING, "/etc/borderlink/encryption.p12", encryption.key(), Map.of());

        assertThat(checks.problems())
                .containsExactly("borderlink.pki.audit-checkpoint.keystore (/etc/borderlink/encryption.p12): its"
                        + " certificate's key usage allows neither digitalSignature nor nonRepudiation");
    }

    @Test
    void acceptsAProductionCheckpointKeyOfItsOwn() {
        TestPki.Issued gateway = gatewayCa.issue("signer", "CN=borderlink-gateway,O=Test,C=MN", TestPki.Profile.SYSTEM);
        TestPki.Issued checkpoint =
                gatewayCa.issue("checkpoint", "CN=borderlink-checkpoint,O=Test,C=MN", TestPki.Profile.SIGNING_ONLY);

        checks.checkpointKey(
                CHECKPOINT_SETTING,
                "/etc/borderlink/audit-checkpoint.p12",
                checkpoint.key(),
                Map.of("borderlink.pki.signing", gateway.certificate().getPublicKey()));

        assertThat(checks.problems()).isEmpty();
    }

    @Test
    void refusesACrlFolderHoldingACrlOfADevelopmentCa() {
        checks.crls("borderlink.pki.crl-folder", Path.of("/etc/borderlink/crls"), DevPki.allCrls());

        assertThat(checks.problems())
                .singleElement()
                .asString()
                .startsWith("borderlink.pki.crl-folder (/etc/borderlink/crls): holds a CRL of a development CA");
    }

    @Test
    void refusesAClusterBoundToLoopback() {
        checks.cluster(cluster("127.0.0.1", List.of("127.0.0.1"), 1));

        assertThat(checks.problems())
                .containsExactly("borderlink.cluster.bind-address (127.0.0.1): binds the cluster to loopback only;"
                        + " bind it to this node's address on the private network");
    }

    @Test
    void refusesAMinimumThatIsNotAMajorityOfTheMembers() {
        checks.cluster(cluster("10.0.0.1", List.of("10.0.0.1", "10.0.0.2", "10.0.0.3"), 1));

        assertThat(checks.problems())
                .containsExactly("borderlink.cluster.minimum-members (1): not a majority of the 3 members of"
                        + " borderlink.cluster.members (this node included): set it to 2");
    }

    @Test
    void countsThisNodeAmongTheMembersWhenTheListLeavesItOut() {
        checks.cluster(cluster("10.0.0.1", List.of("10.0.0.2", "10.0.0.3"), 2));

        assertThat(checks.problems()).isEmpty();
    }

    @Test
    void refusesToRunWithoutAnchoringTheAuditTrail() {
        checks.anchoring(null, null, null);

        assertThat(checks.problems()).singleElement().asString().startsWith("borderlink.audit.tsa-url: not set");
    }

    @Test
    void refusesTheDevelopmentFormLogin() {
        checks.formLogin(true);

        assertThat(checks.problems())
                .containsExactly(
                        "borderlink.console.form-login (true): the password form login is for development only");
    }

    @Test
    void acceptsProductionMaterialAndAClusterWithAMajority() {
        X509Certificate root = productionRoot.certificate();
        checks.certificate("borderlink.pki.agencies.anchors[0]", productionRoot.certificateFile(), root);
        checks.store("borderlink.pki.signing.keystore", "/etc/borderlink/gateway.p12", List.of(root));
        checks.crls("borderlink.pki.crl-folder", Path.of("/etc/borderlink/crls"), List.of());
        checks.cluster(cluster("10.0.0.1", List.of("10.0.0.1:5701", "10.0.0.2:5701", "10.0.0.3:5701"), 2));
        checks.anchoring(URI.create("https://tsa.example/tsa"), productionRoot.certificateFile(), root);
        checks.formLogin(false);

        assertThat(checks.problems()).isEmpty();
    }

    private static ClusterSettings cluster(String bind, List<String> members, int minimum) {
        return new ClusterSettings("node-1", "borderlink", bind, 5701, members, minimum);
    }
}
