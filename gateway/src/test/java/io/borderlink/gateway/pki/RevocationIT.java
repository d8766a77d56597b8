package io.borderlink.gateway.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.crypto.KeyTransport;
import io.borderlink.crypto.SigningKey;
import io.borderlink.crypto.TlsContexts;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.gateway.support.GatewayClient;
import io.borderlink.gateway.support.GatewayTestSupport;
import io.borderlink.gateway.support.PartnerStub;
import io.borderlink.testkit.AgencyDocuments;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.DevTls;
import io.borderlink.testkit.PartnerFolders;
import io.borderlink.testkit.PartnerSide;
import io.borderlink.testkit.PartnerSide.Sent;
import io.borderlink.testkit.TestPki;
import io.borderlink.testkit.TestPki.Authority;
import io.borderlink.testkit.TestPki.Issued;
import io.borderlink.testkit.TestPki.Profile;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Revocation published while the gateway runs, for every use of a certificate, with CAs made by the test
 * that revoke during it: each test shows a certificate working, revokes it, publishes the CRL (into the
 * watched CRL folder, or at the distribution point the certificate names) and measures how long until the
 * gateway refuses it, with its code and an audit event. The refresh interval is 1 s here (1 min by default);
 * successful validations are remembered for the default 5 min, so a refusal within seconds also shows that
 * new revocation data clears them. Measurements go to gateway/target/revocation-timings.txt.
 */
class RevocationIT extends GatewayTestSupport {

    private static final Duration CRL_VALIDITY = Duration.ofDays(30);
    private static final Fixture PKI = Fixture.create();

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void testPki(DynamicPropertyRegistry registry) {
        registry.add(
                "borderlink.pki.agencies.anchors",
                () -> "certs-dev/ca/national-root.crt.pem," + PKI.national.certificateFile());
        registry.add(
                "borderlink.pki.agencies.intermediates",
                () -> "certs-dev/ca/agency-ca.crt.pem,"
                        + PKI.agencyCa.certificateFile() + "," + PKI.dpCa.certificateFile() + ","
                        + PKI.shortCa.certificateFile());
        registry.add(
                "borderlink.pki.people.anchors",
                () -> "certs-dev/ca/national-root.crt.pem," + PKI.national.certificateFile());
        registry.add(
                "borderlink.pki.people.intermediates",
                () -> "certs-dev/ca/staff-ca.crt.pem," + PKI.staffCa.certificateFile());
        registry.add("borderlink.pki.crl-folder", PKI.crls::toString);
        registry.add("borderlink.pki.revocation.refresh-interval", () -> "1s");
        registry.add("borderlink.pki.revocation.distribution-points", () -> "agencies");
        registry.add("spring.ssl.bundle.jks.server.truststore.location", () -> "file:" + PKI.clientTrust);
        registry.add("borderlink.config.agencies", PKI.agencies::toString);
        registry.add("borderlink.config.people", PKI.people::toString);
        registry.add("borderlink.config.partners", PKI.partners::toString);
        registry.add("borderlink.partner.revocation-test.ru-endpoint", PKI.ruStub::endpoint);
        registry.add("borderlink.partner.revocation-test.cn-endpoint", PKI.cnStub::endpoint);
    }

    /** An agency system's TLS client certificate, revoked: its next connection is refused with CERT_REVOKED. */
    @Test
    void refusesAnAgencyTlsCertificateRevokedWhileRunning() {
        GatewayClient border = GatewayClient.with(tls(PKI.borderTls), port);
        assertThat(border.submit(vehicleAlert(DevPki.key("mn-border"))).statusCode())
                .isEqualTo(202);

        Instant published = revoke(PKI.agencyCa, PKI.borderTls);
        Duration took = untilRefused(
                () -> border.submit(vehicleAlert(DevPki.key("mn-border"))), 403, "CERT_REVOKED", published);

        report("agency TLS client", took);
        assertThat(accessRefusals("CERT_REVOKED")).isPositive();
    }

    /** An agency's signing certificate, revoked: what it signs next is refused with CERT_REVOKED, audited. */
    @Test
    void refusesAnAgencySignatureRevokedWhileRunning() {
        GatewayClient border = agency("mn-border");
        assertThat(border.submit(vehicleAlert(PKI.borderSigner.key())).statusCode())
                .isEqualTo(202);

        Instant published = revoke(PKI.agencyCa, PKI.borderSigner);
        Duration took =
                untilRefused(() -> border.submit(vehicleAlert(PKI.borderSigner.key())), 403, "CERT_REVOKED", published);

        report("agency signature", took);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_event WHERE step = 'RECEIVE' AND code = 'CERT_REVOKED'",
                        Integer.class))
                .isPositive();
    }

    /**
     * An officer's certificate, revoked while they are signed in: the console session ends with CERT_REVOKED on
     * the next request, and the approvals API refuses them too.
     */
    @Test
    void signsOutAnOfficerWhoseCertificateIsRevokedAndRefusesTheirApprovals() throws Exception {
        HttpClient officer = HttpClient.newBuilder()
                .sslContext(tls(PKI.officer))
                .cookieHandler(new CookieManager())
                .build();
        assertThat(get(officer, "/console").statusCode()).isEqualTo(200);
        String approve = "/api/v1/approvals/" + UUID.randomUUID() + "/approve";
        assertThat(postJson(officer, approve).statusCode()).isEqualTo(404);

        Instant published = revoke(PKI.staffCa, PKI.officer);
        Duration took = untilRefused(() -> get(officer, "/console"), 403, "CERT_REVOKED", published);

        report("officer console session", took);
        HttpResponse<String> approval = postJson(officer, approve);
        assertThat(approval.statusCode()).isEqualTo(403);
        assertThat(approval.body()).contains("CERT_REVOKED");
        HttpResponse<String> again = get(officer, "/console");
        assertThat(again.statusCode())
                .as("the session is gone, and the certificate cannot open another")
                .isEqualTo(403);
        assertThat(again.body()).contains("CERT_REVOKED");
        assertThat(accessRefusals("CERT_REVOKED")).isPositive();
    }

    /**
     * A partner's certificate, revoked: it signs and connects with it (refused at the TLS client check, before its
     * signature is read), and the gateway encrypts to it (a share for it is dead-lettered with CERT_REVOKED
     * before anything is sent).
     */
    @Test
    void refusesAPartnerWhoseCertificateIsRevokedInBothDirections() {
        GatewayClient ruLiaison = GatewayClient.with(tls(PKI.ruPartner), port);
        assertThat(ruLiaison.deliverLiaison(liaisonMessage().bytes()).statusCode())
                .isEqualTo(200);
        UUID before = submitVehicleAlert();
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(shareState(before, "RU-LIAISON")));

        Instant published = revoke(PKI.ruRoot, PKI.ruPartner);
        Duration took =
                untilRefused(() -> ruLiaison.deliverLiaison(liaisonMessage().bytes()), 403, "CERT_REVOKED", published);
        report("partner inbound TLS and signature", took);

        UUID after = submitVehicleAlert();
        await().atMost(Duration.ofSeconds(30)).until(() -> "DEAD_LETTER".equals(shareState(after, "RU-LIAISON")));
        assertThat(deliveryCode(after, "RU-LIAISON")).isEqualTo("CERT_REVOKED");
        assertThat(PKI.ruStub.receivedFor(after)).isEmpty();
    }

    /**
     * The TLS server certificate of a partner the gateway delivers to, revoked: the handshake is refused with
     * CERT_REVOKED, so nothing reaches the server, and the share waits as a dead letter.
     */
    @Test
    void refusesToDeliverToAPartnerWhoseTlsServerCertificateIsRevoked() {
        UUID before = submitVehicleAlert();
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(shareState(before, "CN-LIAISON")));

        Instant published = revoke(PKI.cnRoot, PKI.cnServer);
        AtomicReference<UUID> refused = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    UUID exchange = submitVehicleAlert();
                    await().atMost(Duration.ofSeconds(30)).until(() -> List.of("DELIVERED", "DEAD_LETTER")
                            .contains(shareState(exchange, "CN-LIAISON")));
                    refused.set(exchange);
                    return "DEAD_LETTER".equals(shareState(exchange, "CN-LIAISON"));
                });
        report("partner TLS server (delivery)", Duration.between(published, Instant.now()));
        assertThat(deliveryCode(refused.get(), "CN-LIAISON")).isEqualTo("CERT_REVOKED");
        assertThat(deliveryDetail(refused.get(), "CN-LIAISON")).contains("TLS server certificate refused");
        assertThat(PKI.cnStub.receivedFor(refused.get())).isEmpty();
    }

    /**
     * A certificate whose CA publishes its CRL only at the distribution point the certificate names: the gateway
     * fetches it there (the CRL folder has none), and fetches it again to see the revocation.
     */
    @Test
    void fetchesTheCrlAtTheCertificatesDistributionPointAndSeesTheRevocation() {
        GatewayClient border = agency("mn-border");
        assertThat(border.submit(vehicleAlert(PKI.borderDp.key())).statusCode()).isEqualTo(202);
        assertThat(PKI.dpFetches.get()).isPositive();
        assertThat(Files.exists(PKI.crls.resolve("test-dp-ca.crl.pem"))).isFalse();

        PKI.dpCa.revoke(PKI.borderDp);
        PKI.dpCrl.set(PKI.dpCa.crl(CRL_VALIDITY));
        Instant published = Instant.now();
        Duration took =
                untilRefused(() -> border.submit(vehicleAlert(PKI.borderDp.key())), 403, "CERT_REVOKED", published);

        report("agency signature, CRL at a distribution point", took);
    }

    /**
     * A CRL nearing its nextUpdate raises a warning (health and metric) while its certificates still work; once
     * past it they are refused with REVOCATION_UNKNOWN, which names their CA's CRL but not where the gateway keeps
     * it, and the expiry is audited; a fresh CRL lets them in again.
     */
    @Test
    void warnsBeforeACrlExpiresAndRefusesItsCertificatesOnceItHas() throws Exception {
        GatewayClient border = agency("mn-border");
        PKI.shortCa.publishCrl(PKI.crls, Duration.ofHours(2));
        // The health component and the gauges follow the same refresh; wait for the refresh that read this CRL.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "DEGRADED".equals(trustHealth())
                        && shortCaNextUpdateSeconds() <= Duration.ofHours(2).toSeconds() + 1.0);
        assertThat(border.submit(vehicleAlert(PKI.borderShort.key())).statusCode())
                .isEqualTo(202);
        assertThat(shortCaNextUpdateSeconds())
                .isBetween(0.0, Duration.ofHours(2).toSeconds() + 1.0);
        assertThat(meters.get("borderlink.trust.warnings").gauge().value()).isPositive();

        Instant published = Instant.now();
        PKI.shortCa.publishCrl(PKI.crls, Duration.ofSeconds(3));
        Duration took = untilRefused(
                () -> border.submit(vehicleAlert(PKI.borderShort.key())), 403, "REVOCATION_UNKNOWN", published);
        report("expired CRL (3 s validity)", took);
        // The refusal names the agency's own CA; where the gateway keeps its CRLs is for the log only.
        assertThat(border.submit(vehicleAlert(PKI.borderShort.key())).body())
                .contains("is past its nextUpdate")
                .doesNotContain(PKI.crls.toString());
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_event WHERE step = 'TRUST' AND outcome = 'FAILED'"
                                + " AND code = 'REVOCATION_UNKNOWN'",
                        Integer.class))
                .isPositive();

        PKI.shortCa.publishCrl(PKI.crls, CRL_VALIDITY);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> border.submit(vehicleAlert(PKI.borderShort.key())).statusCode() == 202);
        await().atMost(Duration.ofSeconds(20)).until(() -> "UP".equals(trustHealth()));
    }

    private static Instant revoke(Authority ca, Issued certificate) {
        ca.revoke(certificate);
        Instant published = Instant.now();
        ca.publishCrl(PKI.crls, CRL_VALIDITY);
        return published;
    }

    /** Sends until the answer is the refusal, and answers how long after publication the first one came. */
    private static Duration untilRefused(
            Supplier<HttpResponse<String>> attempt, int status, String code, Instant published) {
        AtomicReference<String> last = new AtomicReference<>();
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        HttpResponse<String> answer = attempt.get();
                        last.set(answer.statusCode() + " " + answer.headers().map() + " " + answer.body());
                        return answer.statusCode() == status && answer.body().contains(code);
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(status + " " + code + " expected; the last answer was " + last.get(), e);
        }
        return Duration.between(published, Instant.now());
    }

    private static void report(String use, Duration took) {
        try {
            Files.writeString(
                    Path.of("gateway/target/revocation-timings.txt"),
                    "%s revocation of %s refused %d ms after the CRL was published (refresh interval 1 s)%n"
                            .formatted(Instant.now(), use, took.toMillis()),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private UUID submitVehicleAlert() {
        Exchange exchange = fresh(Samples.vehicleAlertFromBorderPolice());
        assertThat(agency("mn-border").submit(protect(exchange, "mn-border")).statusCode())
                .isEqualTo(202);
        return exchange.header().exchangeId();
    }

    private static byte[] vehicleAlert(SigningKey signer) {
        return new AgencyDocuments(new XmlCrypto())
                .protect(
                        fresh(Samples.vehicleAlertFromBorderPolice()),
                        signer,
                        DevPki.certificate("gateway-enc"),
                        KeyTransport.RSA_OAEP);
    }

    private static Sent liaisonMessage() {
        return PartnerSide.send(
                PKI.ruPartner.key(),
                Samples.vehicleAlertFromRuLiaison(),
                Map.of("Created", Instant.now().toString()));
    }

    private String shareState(UUID exchangeId, String recipient) {
        return jdbc
                .queryForList(
                        "SELECT state FROM share WHERE exchange_id = ? AND recipient_id = ?",
                        String.class,
                        exchangeId,
                        recipient)
                .stream()
                .findFirst()
                .orElse("");
    }

    private String deliveryCode(UUID exchangeId, String recipient) {
        return jdbc.queryForObject(
                "SELECT code FROM audit_event WHERE exchange_id = ? AND partner_id = ? AND step = 'DELIVER'"
                        + " AND outcome = 'FAILED'",
                String.class,
                exchangeId,
                recipient);
    }

    private String deliveryDetail(UUID exchangeId, String recipient) {
        return jdbc.queryForObject(
                "SELECT detail FROM audit_event WHERE exchange_id = ? AND partner_id = ? AND step = 'DELIVER'"
                        + " AND outcome = 'FAILED'",
                String.class,
                exchangeId,
                recipient);
    }

    private int accessRefusals(String code) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM audit_event WHERE step = 'ACCESS' AND code = ?", Integer.class, code);
    }

    private HttpResponse<String> get(HttpClient client, String path) {
        return send(client, HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> postJson(HttpClient client, String path) {
        return send(
                client,
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"viewDigest\":\"0000\",\"reason\":\"checked the view\"}")));
    }

    /** The status of the trust component of the gateway's health. */
    private double shortCaNextUpdateSeconds() {
        return meters.find("borderlink.crl.next.update.seconds")
                .tag("issuer", "CN=Revocation Test Short CA,O=Borderlink Test,C=MN")
                .gauge()
                .value();
    }

    /** The trust component's status, as an administrator sees it (components are shown to operators only). */
    private String trustHealth() throws IOException {
        String health = get(
                        HttpClient.newBuilder().sslContext(DevTls.as("admin-1")).build(), "/actuator/health")
                .body();
        return new ObjectMapper()
                .readTree(health)
                .path("components")
                .path("trust")
                .path("status")
                .asText();
    }

    private URI uri(String path) {
        return URI.create("https://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** TLS presenting the issued key, trusting the development national root of the gateway's server. */
    private static SSLContext tls(Issued identity) {
        return TlsContexts.mutual(identity.key(), List.of(DevPki.ca("national-root")));
    }

    /**
     * The test's PKI, the gateway's folders that register its certificates, its CRL folder and TLS client trust,
     * the partner endpoints that present its server certificates, and the distribution point of dp-ca.
     */
    private static final class Fixture {

        Path crls;
        Path clientTrust;
        Path agencies;
        Path people;
        Path partners;
        Authority national;
        Authority agencyCa;
        Authority staffCa;
        Authority dpCa;
        Authority shortCa;
        Authority ruRoot;
        Authority cnRoot;
        Issued borderTls;
        Issued borderSigner;
        Issued borderDp;
        Issued borderShort;
        Issued officer;
        Issued ruPartner;
        Issued ruServer;
        Issued cnPartner;
        Issued cnServer;
        PartnerStub ruStub;
        PartnerStub cnStub;
        final AtomicReference<byte[]> dpCrl = new AtomicReference<>();
        final AtomicInteger dpFetches = new AtomicInteger();

        static Fixture create() {
            try {
                Fixture fixture = new Fixture();
                fixture.build(Files.createTempDirectory("borderlink-revocation"));
                return fixture;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void build(Path root) throws IOException {
            URI distributionPoint = startDistributionPoint();
            TestPki pki = TestPki.in(root.resolve("pki"));
            national = pki.root("test-national", "CN=Revocation Test National Root,O=Borderlink Test,C=MN");
            agencyCa = national.intermediate("test-agency-ca", "CN=Revocation Test Agency CA,O=Borderlink Test,C=MN");
            staffCa = national.intermediate("test-staff-ca", "CN=Revocation Test Staff CA,O=Borderlink Test,C=MN");
            dpCa = national.intermediate(
                    "test-dp-ca", "CN=Revocation Test Distribution Point CA,O=Borderlink Test,C=MN");
            shortCa = national.intermediate("test-short-ca", "CN=Revocation Test Short CA,O=Borderlink Test,C=MN");
            ruRoot = pki.root("test-ru-root", "CN=RU Liaison Test Root,O=RU Liaison Test,C=RU");
            cnRoot = pki.root("test-cn-root", "CN=CN Liaison Test Root,O=CN Liaison Test,C=CN");
            borderTls = agencyCa.issue("border-tls", "CN=MN-BORDER TLS,O=Border Police,C=MN", Profile.SYSTEM);
            borderSigner = agencyCa.issue("border-signer", "CN=MN-BORDER signer,O=Border Police,C=MN", Profile.SYSTEM);
            borderDp = dpCa.issue(
                    "border-dp", "CN=MN-BORDER DP,O=Border Police,C=MN", Profile.SYSTEM, List.of(distributionPoint));
            borderShort = shortCa.issue("border-short", "CN=MN-BORDER short,O=Border Police,C=MN", Profile.SYSTEM);
            officer = staffCa.issue("officer-9", "CN=officer-9,O=Borderlink Test,C=MN", Profile.PERSON);
            ruPartner = ruRoot.issue("ru-partner", "CN=RU-LIAISON,O=RU Liaison Test,C=RU", Profile.SYSTEM);
            ruServer = ruRoot.issue("ru-server", "CN=RU-LIAISON server,O=RU Liaison Test,C=RU", Profile.SYSTEM);
            cnPartner = cnRoot.issue("cn-partner", "CN=CN-LIAISON,O=CN Liaison Test,C=CN", Profile.SYSTEM);
            cnServer = cnRoot.issue("cn-server", "CN=CN-LIAISON server,O=CN Liaison Test,C=CN", Profile.SYSTEM);
            dpCrl.set(dpCa.crl(CRL_VALIDITY));

            // The test's CAs have names of their own, so their CRLs never replace one of certs-dev's.
            crls = Files.createDirectories(root.resolve("crls"));
            try (Stream<Path> development = Files.list(DevPki.file("ca"))) {
                for (Path crl : development
                        .filter(f -> f.toString().endsWith(".crl.pem"))
                        .toList()) {
                    Files.copy(crl, crls.resolve(crl.getFileName()));
                }
            }
            for (Authority ca : List.of(national, agencyCa, staffCa, shortCa, ruRoot, cnRoot)) {
                ca.publishCrl(crls, CRL_VALIDITY);
            }
            clientTrust = clientTrust(root.resolve("client-trust.p12"), national, ruRoot, cnRoot);

            agencies = copy(Path.of("config/agencies"), root.resolve("agencies"));
            PartnerFolders.edit(
                    agencies,
                    "mn-border.yml",
                    text -> text.replace(
                            "  - certs-dev/mn-border.crt.pem\n",
                            "  - certs-dev/mn-border.crt.pem\n"
                                    + Stream.of(borderTls, borderSigner, borderDp, borderShort)
                                            .map(issued -> "  - " + issued.certificateFile() + "\n")
                                            .reduce("", String::concat)));
            people = copy(Path.of("config/people"), root.resolve("people"));
            Files.writeString(
                    people.resolve("officer-9.yml"),
                    "id: officer-9\nname: Officer of the revocation test\nrole: OFFICER\ncertificates:\n  - "
                            + officer.certificateFile() + "\n");

            partners = PartnerFolders.copyOfTheRealPartners(root.resolve("partners"), text -> text);
            registerPartner("ru-liaison.yml", "ru-liaison", ruPartner, ruRoot, "ru-endpoint");
            registerPartner("cn-liaison.yml", "cn-liaison", cnPartner, cnRoot, "cn-endpoint");
            ruStub = PartnerStub.start(ruServer.keyStore(), TestPki.PASSWORD, PartnerStub.PATH);
            cnStub = PartnerStub.start(cnServer.keyStore(), TestPki.PASSWORD, PartnerStub.PATH);
        }

        private void registerPartner(String file, String name, Issued certificate, Authority root, String endpoint) {
            PartnerFolders.edit(partners, file, text -> text.replace(
                            "certificate: certs-dev/" + name + ".crt.pem",
                            "certificate: " + certificate.certificateFile())
                    .replace(
                            "trust-anchor: certs-dev/ca/" + name + "-root.crt.pem",
                            "trust-anchor: " + root.certificateFile())
                    .replaceFirst(
                            "(?m)^endpoint: .*$", "endpoint: \\${borderlink.partner.revocation-test." + endpoint + "}")
                    // The stubs of the test PKI answer without a signed receipt.
                    .replace("receipts: required", "receipts: optional"));
        }

        /** dp-ca's CRL, served over loopback HTTP and nowhere else. */
        private URI startDistributionPoint() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            server.createContext("/dp-ca.crl", exchange -> {
                try (exchange) {
                    dpFetches.incrementAndGet();
                    byte[] crl = dpCrl.get();
                    exchange.getResponseHeaders().set("Content-Type", "application/pkix-crl");
                    exchange.sendResponseHeaders(200, crl.length);
                    exchange.getResponseBody().write(crl);
                }
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/dp-ca.crl");
        }

        /** certs-dev's TLS client trust store, plus the test's roots. */
        private static Path clientTrust(Path file, Authority... roots) {
            try (InputStream in = Files.newInputStream(DevPki.file("ca/client-trust.p12"))) {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(in, DevPki.PASSWORD.toCharArray());
                for (Authority root : roots) {
                    X509Certificate certificate = root.certificate();
                    trust.setCertificateEntry("test-" + root.name(), certificate);
                }
                try (OutputStream out = Files.newOutputStream(file)) {
                    trust.store(out, DevPki.PASSWORD.toCharArray());
                }
                return file;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot write the test's client trust store", e);
            }
        }

        private static Path copy(Path from, Path to) throws IOException {
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
            return to;
        }
    }
}
