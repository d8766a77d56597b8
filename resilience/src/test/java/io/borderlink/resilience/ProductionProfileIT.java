package io.borderlink.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.KeyTransport;
import io.borderlink.crypto.TlsContexts;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.testkit.AgencyDocuments;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.GatewayProcess;
import io.borderlink.testkit.LoopbackPorts;
import io.borderlink.testkit.PartnerFolders;
import io.borderlink.testkit.StubServer;
import io.borderlink.testkit.StubServer.Role;
import io.borderlink.testkit.StubServer.Settings;
import io.borderlink.testkit.TestPki;
import io.borderlink.testkit.TestPki.Authority;
import io.borderlink.testkit.TestPki.Issued;
import io.borderlink.testkit.TestPki.Profile;
import io.borderlink.testkit.TestPostgres;
import io.borderlink.testkit.TimeStampAuthority;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.KeyGenerator;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jar under the prod profile on PostgreSQL, configured as docs/production.md says (secrets in the
 * environment, paths in a mounted file), first with everything the development gateway uses — refused, with
 * every setting at fault named — then with a production-like PKI made by the test (nothing says DEV ONLY), a
 * cluster bound to this host's own address with a majority, a checkpoint key of its own and an RFC 3161
 * time-stamping authority: it starts, accepts an exchange, delivers it to the partner, and anchors its audit
 * trail, and its management port refuses as its own port does; partner and agency files then edited to register
 * development material are refused while it runs.
 */
class ProductionProfileIT {

    private static final Path FOLDER = Scenario.TARGET.resolve("resilience").resolve("prod");
    private static final String PASSWORD = TestPki.PASSWORD;

    private static Authority national;
    private static Authority ruRoot;
    private static Issued gateway;
    private static Issued gatewayEncryption;
    private static Issued auditCheckpoint;
    private static Issued tsaSigner;
    private static Issued mnBorder;
    private static Issued officer;
    private static Issued ruLiaison;
    private static Authority gatewayCa;
    private static Authority agencyCa;
    private static Authority staffCa;

    @BeforeAll
    static void productionLikePki() throws IOException {
        clean(FOLDER);
        TestPki pki = TestPki.in(FOLDER.resolve("pki"));
        national = pki.root("national", "CN=Production Test National Root,O=Borderlink Test,C=MN");
        gatewayCa = national.intermediate("gateway-ca", "CN=Production Test Gateway CA,O=Borderlink Test,C=MN");
        agencyCa = national.intermediate("agency-ca", "CN=Production Test Agency CA,O=Borderlink Test,C=MN");
        staffCa = national.intermediate("staff-ca", "CN=Production Test Staff CA,O=Borderlink Test,C=MN");
        ruRoot = pki.root("ru-root", "CN=RU Liaison Production Test Root,O=RU Liaison Test,C=RU");
        gateway = gatewayCa.issue("gateway", "CN=borderlink-gateway,O=Borderlink Test,C=MN", Profile.SYSTEM);
        gatewayEncryption =
                gatewayCa.issue("gateway-enc", "CN=borderlink-gateway-enc,O=Borderlink Test,C=MN", Profile.ENCRYPTION);
        auditCheckpoint = gatewayCa.issue(
                "audit-checkpoint", "CN=borderlink-audit-checkpoint,O=Borderlink Test,C=MN", Profile.SIGNING_ONLY);
        tsaSigner = gatewayCa.issue("tsa", "CN=Production Test TSA,O=Borderlink Test,C=MN", Profile.TIME_STAMPING);
        mnBorder = agencyCa.issue("mn-border", "CN=MN-BORDER,O=Border Police,C=MN", Profile.SYSTEM);
        officer = staffCa.issue("officer-1", "CN=officer-1,O=Borderlink Test,C=MN", Profile.PERSON);
        ruLiaison = ruRoot.issue("ru-liaison", "CN=RU-LIAISON,O=RU Liaison Test,C=RU", Profile.SYSTEM);
    }

    /** Development material, a loopback cluster without a majority, no anchoring, the form login: all named. */
    @Test
    void refusesToStartWithDevelopmentMaterialAndNamesEverySettingAtFault() throws IOException {
        Path folder = Files.createDirectories(FOLDER.resolve("refused"));
        // Development material outside certs-dev/ is refused for what it is, not where it lives.
        Path copiedRoot = Files.copy(DevPki.file("ca/national-root.crt.pem"), folder.resolve("national-root.crt.pem"));
        Path copiedTrust = Files.copy(DevPki.file("ca/client-trust.p12"), folder.resolve("client-trust.p12"));
        Path crls = Files.createDirectories(folder.resolve("crls"));
        Files.copy(DevPki.file("ca/agency-ca.crl.pem"), crls.resolve("agency-ca.crl.pem"));
        Path settings = Files.writeString(
                folder.resolve("borderlink.yml"),
                """
                borderlink:
                  pki:
                    agencies: { anchors: certs-dev/ca/national-root.crt.pem, intermediates: certs-dev/ca/agency-ca.crt.pem }
                    people: { anchors: %s, intermediates: certs-dev/ca/staff-ca.crt.pem }
                    crl-folder: %s
                  config: { partners: config/partners, agencies: config/agencies, people: config/people }
                  cluster: { members: "127.0.0.1:5701,127.0.0.1:5702,127.0.0.1:5703", minimum-members: 1 }
                  console:
                    form-login: true
                """
                        .formatted(copiedRoot, crls));
        Map<String, String> environment = environment("refused");
        environment.putAll(Map.of(
                "BORDERLINK_TLS_KEYSTORE", "file:certs-dev/gateway.p12",
                "BORDERLINK_TLS_TRUSTSTORE", "file:" + copiedTrust,
                "BORDERLINK_PKI_SIGNING_KEYSTORE", "certs-dev/gateway.p12",
                "BORDERLINK_PKI_ENCRYPTION_KEYSTORE", "certs-dev/gateway-enc.p12",
                "BORDERLINK_EVIDENCE_KEK_KEYSTORE", "certs-dev/evidence-kek.p12",
                "BORDERLINK_EVIDENCE_KEK_PASSWORD", "changeit",
                "BORDERLINK_EVIDENCE_KEK_ALIAS", "dev-only-evidence-kek-1",
                "BORDERLINK_CONFIG_LABEL_POLICIES", "config/label-policies"));

        GatewayProcess refused = GatewayProcess.launch(GatewayProcess.JAR, folder.resolve("gateway.log"))
                .profile("prod")
                .jvm(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"))
                // Never bound: the check comes first. 5701 is the port the members below name for this node.
                .cluster("prod-refused", "127.0.0.1", 5701, List.of())
                .environment(environment)
                .arguments(List.of("--spring.config.additional-location=file:" + settings))
                .start();

        assertThat(refused.awaitExit(Duration.ofMinutes(3))).isNotZero();
        String log = Files.readString(refused.log(), StandardCharsets.UTF_8);
        assertThat(log)
                .contains("refusing to start under the prod profile:")
                .contains("borderlink.pki.signing.keystore (certs-dev/gateway.p12): development material (under"
                        + " certs-dev/)")
                .contains("borderlink.pki.encryption.keystore (certs-dev/gateway-enc.p12): development material")
                .contains("borderlink.evidence.kek.keystore (certs-dev/evidence-kek.p12): development material")
                .contains("spring.ssl.bundle.jks.server.keystore.location (file:certs-dev/gateway.p12): development"
                        + " material (under certs-dev/)")
                .contains("spring.ssl.bundle.jks.server.truststore.location (file:" + copiedTrust
                        + "): holds development material (")
                .contains("borderlink.pki.agencies.anchors[0] (certs-dev/ca/national-root.crt.pem): development"
                        + " material (under certs-dev/)")
                .contains("borderlink.pki.agencies.intermediates[0] (certs-dev/ca/agency-ca.crt.pem)")
                .contains("borderlink.pki.people.anchors[0] (" + copiedRoot
                        + "): development material (CN=Borderlink Dev National Root CA,OU=DEV ONLY")
                .contains("borderlink.pki.crl-folder (" + crls + "): holds a CRL of a development CA")
                .contains("agency MN-BORDER (borderlink.config.agencies) certificates[0] (certs-dev/mn-border.crt.pem)")
                .contains("partner RU-LIAISON (borderlink.config.partners) certificate (certs-dev/ru-liaison.crt.pem)")
                .contains("person officer-1 (borderlink.config.people) certificates[0] (certs-dev/officer-1.crt.pem)")
                .contains("borderlink.cluster.bind-address (127.0.0.1): binds the cluster to loopback only")
                .contains("borderlink.cluster.minimum-members (1): not a majority of the 3 members of"
                        + " borderlink.cluster.members (this node included): set it to 2")
                .contains("borderlink.audit.tsa-url: not set")
                .contains("borderlink.pki.audit-checkpoint: not set")
                .contains("borderlink.console.form-login (true): the password form login is for development only")
                .doesNotContain("Started BorderlinkApplication");
    }

    /** Production-like material on PostgreSQL: starts, takes an exchange, delivers it, anchors the audit trail. */
    @Test
    void startsWithProductionMaterialDeliversAndRefusesDevelopmentMaterialInAReload() throws Exception {
        String host = GatewayProcess.hostAddress()
                .orElseThrow(() -> new IllegalStateException("this host has no address but loopback for the cluster"));
        Path folder = Files.createDirectories(FOLDER.resolve("started"));
        Path crls = Files.createDirectories(folder.resolve("crls"));
        for (Authority ca : List.of(national, gatewayCa, agencyCa, staffCa, ruRoot)) {
            ca.publishCrl(crls, Duration.ofDays(7));
        }
        Path agencies = Files.createDirectories(folder.resolve("agencies"));
        Files.writeString(
                agencies.resolve("mn-border.yml"),
                """
                id: MN-BORDER
                name: General Authority for Border Protection
                certificates:
                  - %s
                """
                        .formatted(mnBorder.certificateFile()));
        Path people = Files.createDirectories(folder.resolve("people"));
        Files.writeString(
                people.resolve("officer-1.yml"),
                """
                id: officer-1
                name: Liaison officer
                role: OFFICER
                certificates:
                  - %s
                """
                        .formatted(officer.certificateFile()));
        Path partners = Files.createDirectories(folder.resolve("partners"));
        Files.writeString(
                partners.resolve("ru-liaison.yml"),
                Files.readString(Path.of("resilience/src/test/resources/config/partners/ru-liaison.yml"))
                        .replace(
                                "certs-dev/ru-liaison.crt.pem",
                                ruLiaison.certificateFile().toString())
                        .replace(
                                "certs-dev/ca/ru-liaison-root.crt.pem",
                                ruRoot.certificateFile().toString()));
        Path clientTrust = trustStore(folder.resolve("client-trust.p12"), national.certificate(), ruRoot.certificate());

        try (TimeStampAuthority tsa = TimeStampAuthority.start(tsaSigner, gatewayCa.certificateFile(), 0);
                StubServer partner = StubServer.start(
                        Role.LIAISON_PARTNER,
                        "ru-liaison",
                        ruLiaison.key(),
                        serving(ruLiaison, national.certificate()),
                        Settings.defaults().log(line -> append(folder.resolve("partner-stub.log"), line)))) {
            int clusterPort = LoopbackPorts.free();
            Path settings = Files.writeString(
                    folder.resolve("borderlink.yml"),
                    """
                    borderlink:
                      pki:
                        agencies: { anchors: %s, intermediates: %s }
                        people: { anchors: %s, intermediates: %s }
                        crl-folder: %s
                      config: { partners: %s, agencies: %s, people: %s }
                      cluster: { minimum-members: 1 }
                      audit:
                        tsa-url: %s
                        tsa-certificate: %s
                        checkpoint-interval: 2s
                        anchor-interval: 2s
                      partner:
                        ru-liaison:
                          endpoint: %s
                    """
                            .formatted(
                                    national.certificateFile(),
                                    agencyCa.certificateFile(),
                                    national.certificateFile(),
                                    staffCa.certificateFile(),
                                    crls,
                                    partners,
                                    agencies,
                                    people,
                                    tsa.uri(),
                                    gatewayCa.certificateFile(),
                                    partner.endpoint()));
            Map<String, String> environment = environment("started");
            environment.putAll(Map.of(
                    "BORDERLINK_TLS_KEYSTORE",
                    "file:" + gateway.keyStore(),
                    "BORDERLINK_TLS_TRUSTSTORE",
                    "file:" + clientTrust,
                    "BORDERLINK_PKI_SIGNING_KEYSTORE",
                    gateway.keyStore().toString(),
                    "BORDERLINK_PKI_ENCRYPTION_KEYSTORE",
                    gatewayEncryption.keyStore().toString(),
                    "BORDERLINK_EVIDENCE_KEK_KEYSTORE",
                    keyEncryptionKeyStore(folder.resolve("evidence-kek.p12")).toString(),
                    "BORDERLINK_EVIDENCE_KEK_PASSWORD",
                    PASSWORD,
                    "BORDERLINK_EVIDENCE_KEK_ALIAS",
                    "kek-2026"));
            environment.put(
                    "BORDERLINK_PKI_AUDITCHECKPOINT_KEYSTORE",
                    auditCheckpoint.keyStore().toString());
            environment.put("BORDERLINK_PKI_AUDITCHECKPOINT_PASSWORD", PASSWORD);
            environment.put("BORDERLINK_PKI_AUDITCHECKPOINT_ALIAS", "audit-checkpoint");

            int managementPort = LoopbackPorts.free();
            try (GatewayProcess node = GatewayProcess.launch(GatewayProcess.JAR, folder.resolve("gateway.log"))
                    .profile("prod")
                    .managementPort(managementPort)
                    .jvm(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"))
                    .cluster("prod-started", host, clusterPort, List.of(clusterPort))
                    .environment(environment)
                    .arguments(List.of("--spring.config.additional-location=file:" + settings))
                    .start()) {
                node.awaitHealthy(Duration.ofMinutes(3));

                Exchange incident = AgencyDocuments.fresh(
                        ExchangeXml.read(SecureXml.parse(Samples.borderIncidentFromBorderPolice())), Instant.now());
                byte[] document = new AgencyDocuments(new XmlCrypto())
                        .protect(incident, mnBorder.key(), gatewayEncryption.certificate(), KeyTransport.RSA_OAEP);
                HttpClient agency = HttpClient.newBuilder()
                        .sslContext(TlsContexts.mutual(mnBorder.key(), List.of(national.certificate())))
                        .build();
                HttpResponse<String> receipt = agency.send(
                        HttpRequest.newBuilder(node.uri("/api/v1/exchanges"))
                                .header("Content-Type", "application/xml")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(document))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(202);

                await().atMost(Duration.ofMinutes(1))
                        .until(() -> !partner.received().isEmpty());
                await().atMost(Duration.ofMinutes(1))
                        .until(() -> count(environment, "SELECT count(*) FROM share WHERE state = 'DELIVERED'") == 1);
                await().atMost(Duration.ofMinutes(1))
                        .until(() -> count(environment, "SELECT count(*) FROM audit_anchor") >= 1);
                HttpClient person = HttpClient.newBuilder()
                        .sslContext(TlsContexts.mutual(officer.key(), List.of(national.certificate())))
                        .build();
                assertThat(person.send(
                                        HttpRequest.newBuilder(node.uri("/console"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode())
                        .as("people sign in with their certificates")
                        .isEqualTo(200);
                assertThat(person.send(
                                        HttpRequest.newBuilder(node.uri("/login"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body())
                        .as("and the sign-in page offers no password form")
                        .doesNotContain("type=\"password\"");

                HttpResponse<String> noSuchGroup = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                                                + "/actuator/health/no-such-group"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(noSuchGroup.statusCode()).isEqualTo(404);
                assertThat(noSuchGroup.body())
                        .as("the management port refuses as the gateway's does")
                        .contains("\"code\":\"NOT_FOUND\"");

                // Files edited on the running node are held to what a start is held to: development material
                // registered by a partner or an agency file is refused, audited, and the files in force stay.
                PartnerFolders.edit(
                        agencies,
                        "mn-border.yml",
                        yaml -> yaml + "  - "
                                + DevPki.file("mn-customs.crt.pem").toAbsolutePath() + "\n");
                PartnerFolders.edit(
                        partners,
                        "ru-liaison.yml",
                        yaml -> yaml.replace(
                                ruRoot.certificateFile().toString(),
                                DevPki.file("ca/ru-liaison-root.crt.pem")
                                        .toAbsolutePath()
                                        .toString()));
                String refused = "SELECT count(*) FROM audit_event WHERE step = 'POLICY' AND outcome = 'REJECTED'"
                        + " AND code = 'CONFIGURATION_INVALID' AND detail LIKE '%%refused under the prod profile: %s%%'";
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> count(environment, refused.formatted("agency MN-BORDER")) == 1
                                && count(environment, refused.formatted("partner RU-LIAISON")) == 1);
                HttpResponse<String> again = agency.send(
                        HttpRequest.newBuilder(node.uri("/api/v1/exchanges"))
                                .header("Content-Type", "application/xml")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(new AgencyDocuments(new XmlCrypto())
                                        .protect(
                                                AgencyDocuments.fresh(incident, Instant.now()),
                                                mnBorder.key(),
                                                gatewayEncryption.certificate(),
                                                KeyTransport.RSA_OAEP)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
                await().atMost(Duration.ofMinutes(1))
                        .until(() -> count(environment, "SELECT count(*) FROM share WHERE state = 'DELIVERED'") == 2);
            }
        }
    }

    /** A key-encryption key of the test's own (AES-256 in a PKCS#12 store), as an operator's would be. */
    private static Path keyEncryptionKeyStore(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        KeyGenerator aes = KeyGenerator.getInstance("AES");
        aes.init(256);
        store.setEntry(
                "kek-2026",
                new KeyStore.SecretKeyEntry(aes.generateKey()),
                new KeyStore.PasswordProtection(PASSWORD.toCharArray()));
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    /** The secrets, as an operator's environment holds them; the stores are added by each test. */
    private static Map<String, String> environment(String database) {
        TestPostgres postgres = TestPostgres.shared();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("BORDERLINK_DATASOURCE_URL", postgres.createDatabase("prod_" + database));
        environment.put("BORDERLINK_DATASOURCE_USERNAME", postgres.username());
        environment.put("BORDERLINK_DATASOURCE_PASSWORD", postgres.password());
        environment.put("BORDERLINK_MANAGEMENT_ADDRESS", "127.0.0.1");
        environment.put("BORDERLINK_TLS_KEYSTORE_PASSWORD", PASSWORD);
        environment.put("BORDERLINK_TLS_TRUSTSTORE_PASSWORD", PASSWORD);
        environment.put("BORDERLINK_PKI_SIGNING_PASSWORD", PASSWORD);
        environment.put("BORDERLINK_PKI_ENCRYPTION_PASSWORD", PASSWORD);
        return environment;
    }

    private static int count(Map<String, String> environment, String sql) throws SQLException {
        try (Connection database = DriverManager.getConnection(
                        environment.get("BORDERLINK_DATASOURCE_URL"),
                        environment.get("BORDERLINK_DATASOURCE_USERNAME"),
                        environment.get("BORDERLINK_DATASOURCE_PASSWORD"));
                Statement statement = database.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** The partner's TLS server: its own key, and the national root the gateway's client certificate chains to. */
    private static SSLContext serving(Issued identity, X509Certificate clientRoot) {
        return TlsContexts.mutual(identity.key(), List.of(clientRoot));
    }

    private static Path trustStore(Path file, X509Certificate... roots) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < roots.length; i++) {
                store.setCertificateEntry("root-" + i, roots[i]);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, PASSWORD.toCharArray());
            }
            return file;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }

    private static void append(Path log, String line) {
        try {
            Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void clean(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> earlier = Files.walk(folder)) {
                for (Path path : earlier.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(folder);
    }
}
