package io.borderlink.gateway.support;

import io.borderlink.adapters.liaison.LiaisonSoap;
import io.borderlink.testkit.DevTls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import javax.net.ssl.SSLContext;

/** An agency system talking to the gateway over mutual TLS, with the REST and the SOAP API. */
public final class GatewayClient {

    private final HttpClient http;
    private final URI gateway;

    private GatewayClient(HttpClient http, URI gateway) {
        this.http = http;
        this.gateway = gateway;
    }

    /** A client presenting the named certs-dev identity and trusting the national root. */
    public static GatewayClient as(String identity, int port) {
        return with(DevTls.as(identity), port);
    }

    /** A client with TLS of its own, e.g. presenting a test PKI's key. */
    public static GatewayClient with(SSLContext tls, int port) {
        return new GatewayClient(DevTls.client(tls), URI.create("https://127.0.0.1:" + port));
    }

    /** A client presenting no certificate at all, as an orchestrator's probe or a passer-by would. */
    public static GatewayClient anonymous(int port) {
        return new GatewayClient(DevTls.client(DevTls.anonymous()), URI.create("https://127.0.0.1:" + port));
    }

    public HttpResponse<String> submit(byte[] document) {
        return send(HttpRequest.newBuilder(gateway.resolve("/api/v1/exchanges"))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(document)));
    }

    /** The same, streamed without a Content-Length, as a client that does not know the size up front. */
    public HttpResponse<String> submitChunked(byte[] document) {
        return send(HttpRequest.newBuilder(gateway.resolve("/api/v1/exchanges"))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(document))));
    }

    /** A dry run of a plaintext exchange, optionally for chosen partners only. */
    public HttpResponse<String> dryRun(byte[] plaintext, String... partners) {
        String query = partners.length == 0 ? "" : "?partner=" + String.join("&partner=", partners);
        return send(HttpRequest.newBuilder(gateway.resolve("/api/v1/policy/dry-run" + query))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(plaintext)));
    }

    /** An inbound dry run: which agencies would receive the plaintext exchange from the partner. */
    public HttpResponse<String> dryRunInbound(byte[] plaintext, String from, String... agencies) {
        String query = "?from=" + from + (agencies.length == 0 ? "" : "&agency=" + String.join("&agency=", agencies));
        return send(HttpRequest.newBuilder(gateway.resolve("/api/v1/policy/dry-run/inbound" + query))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(plaintext)));
    }

    public HttpResponse<String> status(UUID exchangeId) {
        return send(HttpRequest.newBuilder(gateway.resolve("/api/v1/exchanges/" + exchangeId))
                .GET());
    }

    /** SubmitExchange over SOAP 1.1, the protected document inside SubmitExchangeRequest. */
    public HttpResponse<String> submitOverSoap(byte[] document) {
        String xml = new String(document, StandardCharsets.UTF_8).replaceFirst("^<\\?xml[^>]*\\?>", "");
        String envelope =
                """
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>\
                <SubmitExchangeRequest xmlns="urn:borderlink:service:exchange:1">%s</SubmitExchangeRequest>\
                </soap:Body></soap:Envelope>"""
                        .formatted(xml);
        return send(HttpRequest.newBuilder(gateway.resolve("/services/exchange"))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"urn:borderlink:service:exchange:1:SubmitExchange\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)));
    }

    /** A liaison office's Deliver request (contracts/wsdl/liaison.wsdl) with one protected LiaisonMessage. */
    public HttpResponse<String> deliverLiaison(byte[] liaisonMessage) {
        return send(HttpRequest.newBuilder(gateway.resolve("/services/liaison"))
                .header("Content-Type", LiaisonSoap.CONTENT_TYPE)
                .header("SOAPAction", "\"" + LiaisonSoap.SOAP_ACTION + "\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(LiaisonSoap.envelope(liaisonMessage))));
    }

    /** A SOAP 1.1 request as given, envelope and all, with the SOAPAction header given. */
    public HttpResponse<String> soap(String path, String soapAction, String envelope) {
        return send(HttpRequest.newBuilder(gateway.resolve(path))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"" + soapAction + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)));
    }

    public HttpResponse<String> post(String path, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(gateway.resolve(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(gateway.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A JSON post whose answer is binary, such as an evidence bundle. */
    public HttpResponse<byte[]> postJsonForBytes(String path, String json) {
        try {
            return http.send(
                    HttpRequest.newBuilder(gateway.resolve(path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("request to the gateway failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(gateway.resolve(path)).GET());
    }

    /** Any method without a body, asking for an answer in {@code accept}. */
    public HttpResponse<String> request(String method, String path, String accept) {
        return send(HttpRequest.newBuilder(gateway.resolve(path))
                .header("Accept", accept)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request to the gateway failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
