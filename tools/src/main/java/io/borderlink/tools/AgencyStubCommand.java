package io.borderlink.tools;

import io.borderlink.testkit.StubServer.Role;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code agency-stub}: an agency system's inbound endpoint for trying the inbound flow locally. It takes the
 * protected exchange from a REST POST or a {@code ReceiveExchange} SOAP request
 * (contracts/wsdl/agency-inbound.wsdl), decrypts it with the agency's key, verifies the gateway's signature
 * and prints it.
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
    StubOptions stub;

    @Override
    public Integer call() throws InterruptedException {
        return stub.serve(Role.AGENCY, agency);
    }
}
