package io.borderlink.gateway.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.borderlink.adapters.liaison.LiaisonTranslator;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.gateway.crypto.Certificates;
import io.borderlink.gateway.crypto.SigningKey;
import io.borderlink.gateway.crypto.TlsContexts;
import io.borderlink.gateway.crypto.XmlCrypto;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code borderlink partner-stub}: a liaison partner's endpoint for trying the gateway locally. It serves
 * HTTPS with the partner's key, requires the gateway's client certificate, decrypts and verifies each
 * delivery as the partner would, prints it, and answers {@code DeliverResponse}.
 */
@Command(
        name = "partner-stub",
        mixinStandardHelpOptions = true,
        description = "Play a liaison partner: receive, decrypt, verify and print what the gateway delivers.")
class PartnerStubCommand implements Callable<Integer> {

    @Option(
            names = "--partner",
            defaultValue = "ru-liaison",
            description = "certs-dev identity to play (default: ${DEFAULT-VALUE})")
    String partner;

    @Option(
            names = "--port",
            defaultValue = "9443",
            description = "HTTPS port on 127.0.0.1 (default: ${DEFAULT-VALUE})")
    int port;

    @Option(
            names = "--certs",
            defaultValue = "certs-dev",
            description = "folder of the key store and CA files (default: ${DEFAULT-VALUE})")
    Path certs;

    @Option(
            names = "--password",
            defaultValue = "changeit",
            description = "key store password (default: the certs-dev one)")
    String password;

    private final XmlCrypto crypto = new XmlCrypto();

    @Override
    public Integer call() throws Exception {
        SigningKey key = Certificates.readKey(certs.resolve(partner + ".p12"), password.toCharArray(), partner);
        X509Certificate nationalRoot = Certificates.readCertificate(certs.resolve("ca/national-root.crt.pem"));
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        SSLContext tls = TlsContexts.mutual(key, List.of(nationalRoot));
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters parameters) {
                parameters.setNeedClientAuth(true);
            }
        });
        server.createContext("/liaison", request -> receive(request, key));
        server.start();
        System.out.println(partner + " listening on https://127.0.0.1:" + port + "/liaison (Ctrl-C to stop)");
        new CountDownLatch(1).await();
        return 0;
    }

    private void receive(HttpExchange request, SigningKey key) throws IOException {
        try (request) {
            byte[] body = request.getRequestBody().readAllBytes();
            int status = 200;
            String answer;
            try {
                Document message = message(body);
                crypto.decrypt(message, key.privateKey());
                X509Certificate signer = crypto.verify(message);
                String messageId = text(message, "MessageId");
                System.out.println("--- received " + messageId + ", signed by "
                        + signer.getSubjectX500Principal().getName() + " (signature valid)");
                System.out.println(new String(SecureXml.serialize(message), StandardCharsets.UTF_8));
                answer = response(messageId);
            } catch (GatewayException e) {
                System.out.println("--- refused: " + e.code() + " " + e.getMessage());
                status = 400;
                answer = e.code().name();
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            request.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
            request.sendResponseHeaders(status, bytes.length);
            request.getResponseBody().write(bytes);
        }
    }

    private static Document message(byte[] soapRequest) {
        Element message = (Element) SecureXml.parse(soapRequest)
                .getElementsByTagNameNS(LiaisonTranslator.NAMESPACE, "LiaisonMessage")
                .item(0);
        Document document = SecureXml.newDocument();
        document.appendChild(document.importNode(message, true));
        return SecureXml.parse(SecureXml.serialize(document));
    }

    private static String text(Document document, String name) {
        return document.getElementsByTagNameNS(LiaisonTranslator.NAMESPACE, name)
                .item(0)
                .getTextContent();
    }

    private static String response(String messageId) {
        return """
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>\
                <DeliverResponse xmlns="urn:borderlink:partner:liaison:service:1"><MessageId>%s</MessageId>\
                <ReceivedAt>%s</ReceivedAt><Status>ACCEPTED</Status></DeliverResponse></soap:Body></soap:Envelope>"""
                .formatted(messageId, java.time.Instant.now());
    }
}
