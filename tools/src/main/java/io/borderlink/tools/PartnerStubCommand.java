package io.borderlink.tools;

import io.borderlink.testkit.StubServer.Role;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code partner-stub}: a liaison partner's endpoint for trying the gateway locally. It decrypts and verifies
 * each delivery as the partner would, prints it, and answers {@code DeliverResponse}.
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
    StubOptions stub;

    @Override
    public Integer call() throws InterruptedException {
        return stub.serve(Role.LIAISON_PARTNER, partner);
    }
}
