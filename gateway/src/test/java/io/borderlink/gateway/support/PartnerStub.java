package io.borderlink.gateway.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.borderlink.adapters.format.PartnerFormat;
import io.borderlink.adapters.liaison.LiaisonFormat;
import io.borderlink.testkit.DevGateway;
import io.borderlink.testkit.DevPki;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * An endpoint the gateway delivers to and that is not ours, played by WireMock: a foreign partner's
 * (HTTPS with the partner's own certs-dev key) or an agency system's inbound endpoint (with the
 * agency's key); either way a client certificate is required that chains to the national root (the
 * gateway's). A partner answers 200 with the signed receipt its format defines ({@link SignedReceipts}),
 * unless a test asks for a missing, forged or mismatched one.
 */
public final class PartnerStub implements AutoCloseable {

    /** Where the liaison partners take deliveries; other formats name their own path. */
    public static final String PATH = "/liaison";

    /** Where agency stubs take inbound deliveries. */
    public static final String AGENCY_PATH = "/borderlink/inbound";

    private static final String ACCEPTED =
            """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>\
            <DeliverResponse xmlns="urn:borderlink:partner:liaison:service:1"><Status>ACCEPTED</Status>\
            </DeliverResponse></soap:Body></soap:Envelope>""";

    private final WireMockServer server;
    private final String path;
    private final SignedReceipts receipts;

    private PartnerStub(WireMockServer server, String path, SignedReceipts receipts) {
        this.server = server;
        this.path = path;
        this.receipts = receipts;
    }

    /** Starts the named agency's inbound endpoint (e.g. {@code mn-customs}) on a free loopback port. */
    public static PartnerStub agency(String agency) {
        return start(agency, AGENCY_PATH, null);
    }

    /** Starts the named liaison partner's endpoint (e.g. {@code ru-liaison}) on a free loopback port. */
    public static PartnerStub start(String partner) {
        return start(partner, PATH, new LiaisonFormat(DevGateway.IDENTITY));
    }

    /**
     * Starts an endpoint with the named certs-dev identity at a path on a free loopback port, answering 200
     * with the signed receipt of the format (a plain answer when the format has none, or for an agency).
     */
    public static PartnerStub start(String partner, String path, PartnerFormat format) {
        return start(DevPki.file(partner + ".p12"), DevPki.PASSWORD, path, new SignedReceipts(partner, format));
    }

    /**
     * Starts an endpoint with the TLS key of a PKCS#12 key store of its own (a test PKI's, say), answering 200
     * without a receipt: its partner file must say {@code receipts: optional}.
     */
    public static PartnerStub start(Path keyStore, String password, String path) {
        return start(keyStore, password, path, new SignedReceipts(null, null));
    }

    private static PartnerStub start(Path keyStore, String password, String path, SignedReceipts receipts) {
        WireMockServer server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .httpDisabled(true)
                .httpsPort(0)
                .keystorePath(keyStore.toString())
                .keystoreType("PKCS12")
                .keystorePassword(password)
                .keyManagerPassword(password)
                .needClientAuth(true)
                .trustStorePath(DevPki.file("ca/client-trust.p12").toString())
                .trustStoreType("PKCS12")
                .trustStorePassword(DevPki.PASSWORD)
                .extensions(receipts));
        server.start();
        // Shared by every test class of the JVM, so it lives as long as the JVM does.
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        PartnerStub stub = new PartnerStub(server, path, receipts);
        stub.answer(200);
        return stub;
    }

    public String endpoint() {
        return "https://127.0.0.1:" + server.httpsPort() + path;
    }

    /** From now on every delivery gets this HTTP status (with a signed receipt, or a SOAP answer, when 200). */
    public void answer(int status) {
        answer(status, SignedReceipts.Receipt.SIGNED);
    }

    /** From now on every delivery is answered 200 with this kind of receipt. */
    public void receipts(SignedReceipts.Receipt receipt) {
        answer(200, receipt);
    }

    private void answer(int status, SignedReceipts.Receipt receipt) {
        ResponseDefinitionBuilder response = aResponse().withStatus(status);
        if (status == 200) {
            response = response.withHeader("Content-Type", "text/xml; charset=utf-8")
                    .withBody(ACCEPTED);
            if (receipts.signs() && receipt != SignedReceipts.Receipt.NONE) {
                response = response.withTransformers(SignedReceipts.NAME)
                        .withTransformerParameter(SignedReceipts.NAME, receipt.name());
            }
        }
        server.resetMappings();
        server.stubFor(post(urlEqualTo(path)).willReturn(response));
    }

    /** From now on every delivery gets this HTTP status with this plain-text answer. */
    public void answer(int status, String body) {
        server.resetMappings();
        server.stubFor(post(urlEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "text/plain")
                        .withBody(body)));
    }

    public List<LoggedRequest> received() {
        return server.findAll(postRequestedFor(urlEqualTo(path)));
    }

    /**
     * The deliveries of one exchange, recognised by its correlation id in the liaison header (which is
     * not encrypted), so that tests are not confused by other test contexts sharing this stub.
     */
    public List<LoggedRequest> receivedFor(UUID correlationId) {
        return received().stream()
                .filter(r -> r.getBodyAsString().contains(correlationId.toString()))
                .toList();
    }

    public void forgetRequests() {
        server.resetRequests();
    }

    @Override
    public void close() {
        server.stop();
    }
}
