package io.borderlink.gateway.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.borderlink.contracts.error.ErrorCode;
import io.borderlink.contracts.error.GatewayException;
import io.borderlink.contracts.xml.SecureXml;
import io.borderlink.gateway.crypto.SigningKey;
import io.borderlink.gateway.crypto.TlsContexts;
import io.borderlink.gateway.crypto.XmlCrypto;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * An endpoint the gateway delivers to, for trying it locally: HTTPS on 127.0.0.1 with a certs-dev
 * identity's key, the gateway's client certificate required (it chains to the national root), and each
 * delivery decrypted with that key, its gateway signature verified and printed, as the real recipient
 * would. Used as a picocli mixin by the stub commands.
 */
final class StubServer {

    @Option(names = "--port", required = true, description = "HTTPS port on 127.0.0.1")
    int port;

    @Mixin
    DevIdentities identities;

    private final XmlCrypto crypto = new XmlCrypto();

    /** What the stub answers for one opened delivery. */
    interface Answer {
        String to(Document message);
    }

    /**
     * Serves until the process is stopped.
     *
     * @param namespace and {@code element}: the protected message inside the request body
     */
    void serve(String identity, String path, String namespace, String element, Answer answer) throws Exception {
        SigningKey key = identities.key(identity);
        X509Certificate nationalRoot = identities.certificate("ca/national-root.crt.pem");
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(TlsContexts.mutual(key, List.of(nationalRoot))) {
            @Override
            public void configure(HttpsParameters parameters) {
                parameters.setNeedClientAuth(true);
            }
        });
        server.createContext(path, request -> receive(request, key, namespace, element, answer));
        server.start();
        System.out.println(identity + " listening on https://127.0.0.1:" + port + path + " (Ctrl-C to stop)");
        new CountDownLatch(1).await();
    }

    private void receive(HttpExchange request, SigningKey key, String namespace, String element, Answer answer)
            throws IOException {
        try (request) {
            byte[] body = request.getRequestBody().readAllBytes();
            int status = 200;
            String reply;
            try {
                Document message = extract(body, namespace, element);
                crypto.decrypt(message, key.privateKey());
                X509Certificate signer = crypto.verify(message);
                System.out.println("--- received, signed by "
                        + signer.getSubjectX500Principal().getName() + " (signature valid)");
                System.out.println(SecureXml.indented(SecureXml.serialize(message)));
                reply = answer.to(message);
            } catch (GatewayException e) {
                System.out.println("--- refused: " + e.code() + " " + e.getMessage());
                status = 400;
                reply = e.code().name();
            }
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            request.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
            request.sendResponseHeaders(status, bytes.length);
            request.getResponseBody().write(bytes);
        }
    }

    /** The one protected element of the body, as a document of its own (a SOAP body or a plain POST). */
    private static Document extract(byte[] body, String namespace, String element) {
        Element found = (Element)
                SecureXml.parse(body).getElementsByTagNameNS(namespace, element).item(0);
        if (found == null) {
            throw new GatewayException(ErrorCode.PROFILE_VIOLATION, "no " + element + " in the request");
        }
        Document document = SecureXml.newDocument();
        document.appendChild(document.importNode(found, true));
        return SecureXml.parse(SecureXml.serialize(document));
    }

    static String text(Document document, String namespace, String name) {
        return document.getElementsByTagNameNS(namespace, name).item(0).getTextContent();
    }
}
