package io.borderlink.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderlink.adapters.interpol.NoticeFormat;
import io.borderlink.adapters.wco.WcoFormat;
import io.borderlink.contracts.exchange.Exchange;
import io.borderlink.contracts.exchange.ExchangeXml;
import io.borderlink.contracts.exchange.Header;
import io.borderlink.contracts.exchange.Markings;
import io.borderlink.contracts.samples.Samples;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.crypto.KeyTransport;
import io.borderlink.crypto.SigningKey;
import io.borderlink.crypto.XmlCrypto;
import io.borderlink.gateway.submission.SubmissionRejections;
import io.borderlink.testkit.AgencyDocuments;
import io.borderlink.testkit.DevGateway;
import io.borderlink.testkit.DevPki;
import io.borderlink.testkit.PartnerSide;
import io.borderlink.testkit.PartnerSide.Opened;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A real gateway (HTTPS with mutual TLS, real database, real Camel routes and crypto) with the
 * partners' endpoints and the agencies' inbound endpoints played by WireMock: the development profile
 * (certs-dev/, config/), with the test profile's in-memory database and fast timers over it. Subclasses act as
 * agencies or partners through {@link GatewayClient}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"dev", "test"})
public abstract class GatewayTestSupport {

    protected static final PartnerStub RU_LIAISON = PartnerStub.start("ru-liaison");
    protected static final PartnerStub CN_LIAISON = PartnerStub.start("cn-liaison");
    protected static final PartnerStub INTERPOL_NCB =
            PartnerStub.start("interpol-ncb", "/notices", new NoticeFormat(DevGateway.IDENTITY));
    protected static final PartnerStub WCO_RILO =
            PartnerStub.start("wco-rilo", "/cen", new WcoFormat(DevGateway.IDENTITY));
    /** The partner whose PKI is elliptic-curve (P-256). */
    protected static final PartnerStub KR_LIAISON = PartnerStub.start("kr-liaison");

    protected static final PartnerStub MN_CUSTOMS = PartnerStub.agency("mn-customs");
    protected static final PartnerStub MN_BORDER = PartnerStub.agency("mn-border");
    protected static final PartnerStub MN_DEFENCE = PartnerStub.agency("mn-defence");
    /** The agency whose PKI is elliptic-curve (P-256). */
    protected static final PartnerStub MN_INTEL = PartnerStub.agency("mn-intel");
    /** Takes the canonical exchange with a NATO label; borrows INTERPOL-NCB's development identity. */
    protected static final PartnerStub NATO_LIAISON = PartnerStub.start("interpol-ncb", "/nato", null);

    private static final List<PartnerStub> STUBS = List.of(
            RU_LIAISON,
            CN_LIAISON,
            INTERPOL_NCB,
            WCO_RILO,
            KR_LIAISON,
            MN_CUSTOMS,
            MN_BORDER,
            MN_DEFENCE,
            MN_INTEL,
            NATO_LIAISON);

    private static final XmlCrypto CRYPTO = new XmlCrypto();
    private static final AgencyDocuments AGENCY = new AgencyDocuments(CRYPTO);

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void partnerEndpoints(DynamicPropertyRegistry registry) {
        registry.add("borderlink.partner.ru-liaison.endpoint", RU_LIAISON::endpoint);
        registry.add("borderlink.partner.cn-liaison.endpoint", CN_LIAISON::endpoint);
        registry.add("borderlink.partner.interpol-ncb.endpoint", INTERPOL_NCB::endpoint);
        registry.add("borderlink.partner.wco-rilo.endpoint", WCO_RILO::endpoint);
        registry.add("borderlink.partner.kr-liaison.endpoint", KR_LIAISON::endpoint);
        registry.add("borderlink.agency.mn-customs.endpoint", MN_CUSTOMS::endpoint);
        registry.add("borderlink.agency.mn-border.endpoint", MN_BORDER::endpoint);
        registry.add("borderlink.agency.mn-defence.endpoint", MN_DEFENCE::endpoint);
        registry.add("borderlink.agency.mn-intel.endpoint", MN_INTEL::endpoint);
        registry.add("borderlink.partner.nato-liaison.endpoint", NATO_LIAISON::endpoint);
    }

    /**
     * The partner files from {@code folder}, a copy the test edits while the gateway runs, looked at every 200 ms;
     * for a test's {@code @DynamicPropertySource}.
     */
    protected static void partnersFrom(Path folder, DynamicPropertyRegistry registry) {
        registry.add("borderlink.config.partners", folder::toString);
        registry.add("borderlink.config.watch-interval", () -> "200ms");
    }

    @BeforeEach
    void partnersAcceptAndForget() {
        for (PartnerStub partner : STUBS) {
            partner.answer(200);
            partner.forgetRequests();
        }
    }

    protected GatewayClient agency(String identity) {
        return GatewayClient.as(identity, port);
    }

    /** RU-LIAISON pushes a fresh vehicle alert to us, signed and encrypted as it would, over its SOAP interface. */
    protected HttpResponse<String> pushFromRuLiaison() {
        return agency("ru-liaison")
                .deliverLiaison(PartnerSide.send(
                                "ru-liaison",
                                Samples.vehicleAlertFromRuLiaison(),
                                Map.of("Created", Instant.now().toString()))
                        .bytes());
    }

    /** A sample exchange with a fresh id and creation time, as its originating agency would send it. */
    protected static Exchange fresh(byte[] sample) {
        return AgencyDocuments.fresh(ExchangeXml.read(SecureXml.parse(sample)), Instant.now());
    }

    /**
     * The exchange as {@code originator} sends it to the EC partner KR-LIAISON: from that agency, addressed
     * to KR-LIAISON only, releasable to KOR.
     */
    protected static Exchange forKorea(Exchange exchange, String originator) {
        Header h = exchange.header();
        Markings m = exchange.markings();
        return new Exchange(
                new Header(
                        h.exchangeId(),
                        h.correlationId(),
                        h.createdAt(),
                        originator,
                        List.of("KR-LIAISON"),
                        h.category(),
                        h.purpose(),
                        h.sourceRefs()),
                new Markings(
                        m.classification(),
                        m.tlp(),
                        List.of("KOR"),
                        m.handlingCode(),
                        m.handlingConditions(),
                        m.sourceReliability(),
                        m.informationAccuracy(),
                        m.foreignMarking()),
                exchange.body());
    }

    /** Signed by the agency's key and encrypted to the gateway: to its EC key when the agency's is EC. */
    protected static byte[] protect(Exchange exchange, String signer) {
        SigningKey key = DevPki.key(signer);
        return AGENCY.protect(exchange, key, DevPki.gatewayEncryptionFor(key), KeyTransport.RSA_OAEP);
    }

    /** As {@link #protect}, with the document edited before it is signed: what an agency with a bug would send. */
    protected static byte[] protectEdited(Exchange exchange, String signer, Consumer<Document> edit) {
        Document document = ExchangeXml.toDocument(exchange);
        edit.accept(document);
        CRYPTO.protect(
                document, body(document), DevPki.key(signer), DevPki.certificate("gateway-enc"), KeyTransport.RSA_OAEP);
        return SecureXml.serialize(document);
    }

    /** Sets the text of the first element of the canonical exchange with this local name. */
    protected static void text(Document document, String element, String value) {
        document.getElementsByTagNameNS(ExchangeXml.NAMESPACE, element).item(0).setTextContent(value);
    }

    protected static Element body(Document document) {
        return (Element)
                document.getElementsByTagNameNS(ExchangeXml.NAMESPACE, "Body").item(0);
    }

    /**
     * Waits for an agency's stub to get a delivery whose clear header names {@code id} (an exchange id, or
     * a partner message id among its source references), then opens it as the agency would and checks
     * that the gateway signed it.
     */
    protected static Exchange deliveredTo(PartnerStub agencyStub, String agency, UUID id) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !agencyStub.receivedFor(id).isEmpty());
        Opened opened =
                PartnerSide.openExchange(agencyStub.receivedFor(id).get(0).getBody(), agency);
        assertThat(opened.signer()).isEqualTo(DevPki.certificate("gateway"));
        return ExchangeXml.read(opened.message());
    }

    /** The exchange's timeline and the refusals of documents that claimed its id (which stay off the timeline). */
    protected List<Map<String, Object>> auditOf(UUID exchangeId) {
        return jdbc.queryForList(
                "SELECT * FROM audit_event WHERE exchange_id = ? OR (exchange_id IS NULL AND detail LIKE ?) ORDER BY id",
                exchangeId,
                SubmissionRejections.claimedDetail(exchangeId) + "%");
    }
}
