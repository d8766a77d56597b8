package io.borderlink.gateway.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * INTERPOL's public notices API, played by WireMock over plain HTTP on loopback, answering with the
 * adapters' fixtures (adapters/src/test/resources/interpol) or whatever a test puts in their place.
 */
public final class NoticeFeedStub {

    public static final Path FIXTURES = Path.of("adapters/src/test/resources/interpol");

    private static final String BASE = "/notices/v1/";

    private final WireMockServer server;

    private NoticeFeedStub(WireMockServer server) {
        this.server = server;
    }

    public static NoticeFeedStub start() {
        WireMockServer server =
                new WireMockServer(options().bindAddress("127.0.0.1").port(0));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return new NoticeFeedStub(server);
    }

    /** The API base the gateway is pointed at. */
    public String url() {
        return "http://127.0.0.1:" + server.port() + BASE;
    }

    public static byte[] fixture(String name) {
        try {
            return Files.readAllBytes(FIXTURES.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Page {@code page} of a list ({@code red}, {@code un/persons}), whatever else the query says. */
    public void listPage(String listPath, int page, byte[] json) {
        server.stubFor(get(urlPathEqualTo(BASE + listPath))
                .withQueryParam("page", equalTo(Integer.toString(page)))
                .willReturn(json(json)));
    }

    /** A notice detail, e.g. {@code red/2019-12345}. */
    public void detail(String path, byte[] json) {
        server.stubFor(get(urlPathEqualTo(BASE + path)).willReturn(json(json)));
    }

    /** Page {@code page} of a list fails with this HTTP status. */
    public void failPage(String listPath, int page, int status) {
        server.stubFor(get(urlPathEqualTo(BASE + listPath))
                .withQueryParam("page", equalTo(Integer.toString(page)))
                .willReturn(aResponse().withStatus(status)));
    }

    private static ResponseDefinitionBuilder json(byte[] body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
