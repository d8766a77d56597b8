package io.borderlink.gateway.cli;

import io.borderlink.adapters.liaison.LiaisonSoap;
import io.borderlink.adapters.liaison.LiaisonTranslator;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code borderlink partner-stub}: a liaison partner's endpoint for trying the gateway locally. It
 * decrypts and verifies each delivery as the partner would, prints it, and answers {@code DeliverResponse}.
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

    @Mixin
    StubServer server;

    @Override
    public Integer call() throws Exception {
        server.serve(
                partner,
                "/liaison",
                LiaisonTranslator.NAMESPACE,
                "LiaisonMessage",
                message -> StubServer.text(message, LiaisonTranslator.NAMESPACE, "MessageId"),
                message ->
                        """
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>\
                <DeliverResponse xmlns="%s"><MessageId>%s</MessageId><ReceivedAt>%s</ReceivedAt>\
                <Status>ACCEPTED</Status></DeliverResponse></soap:Body></soap:Envelope>"""
                                .formatted(
                                        LiaisonSoap.SERVICE_NAMESPACE,
                                        StubServer.text(message, LiaisonTranslator.NAMESPACE, "MessageId"),
                                        Instant.now()));
        return 0;
    }
}
