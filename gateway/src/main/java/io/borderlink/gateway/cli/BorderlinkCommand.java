package io.borderlink.gateway.cli;

import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line tools that run without starting the gateway. */
@Command(
        name = "borderlink",
        mixinStandardHelpOptions = true,
        subcommands = {
            ProtectCommand.class,
            PartnerStubCommand.class,
            AgencyStubCommand.class,
            PartnerSendCommand.class,
            VerifyCommand.class
        },
        description = "Borderlink command-line tools. Without a command, the jar runs the gateway.")
public final class BorderlinkCommand {

    public static final Set<String> COMMANDS =
            Set.of("protect", "partner-stub", "agency-stub", "partner-send", "verify");

    private BorderlinkCommand() {}

    public static int run(String... args) {
        return new CommandLine(new BorderlinkCommand()).execute(args);
    }
}
