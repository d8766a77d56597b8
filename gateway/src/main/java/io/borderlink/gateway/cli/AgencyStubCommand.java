package io.borderlink.gateway.cli;

import io.borderlink.adapters.agency.AgencyInboundSoap;
import io.borderlink.contracts.exchange.ExchangeXml;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code borderlink agency-stub}: an agency system's inbound endpoint for trying the inbound flow
 * locally. It takes the protected exchange from a REST POST or a {@code ReceiveExchange} SOAP request
 * (contracts/wsdl/agency-inbound.wsdl), decrypts it with the agency's key, verifies the gateway's
 * signature and prints it.
 */
@Command(
        name = "agency-stub",
        mixinStandardHelpOptions = true,
        description = "Play an agency system: receive, decrypt, verify and print partner intelligence.")
class AgencyStubCommand implements Callable<Integer> {

    @Option(
            names = "--agency",
            defaultValue = "mn-customs",
            description = "certs-dev identity to play (default: ${DEFAULT-VALUE})")
    String agency;

    @Mixin
    StubServer server;

    @Override
    public Integer call() throws Exception {
        server.serve(
                agency,
                "/borderlink/inbound",
                ExchangeXml.NAMESPACE,
                "Exchange",
                message -> StubServer.text(message, ExchangeXml.NAMESPACE, "ExchangeId"),
                message ->
                        """
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>\
                <ReceiveExchangeResponse xmlns="%s"><ExchangeId>%s</ExchangeId><Status>RECEIVED</Status>\
                </ReceiveExchangeResponse></soap:Body></soap:Envelope>"""
                                .formatted(
                                        AgencyInboundSoap.SERVICE_NAMESPACE,
                                        StubServer.text(message, ExchangeXml.NAMESPACE, "ExchangeId")));
        return 0;
    }
}
