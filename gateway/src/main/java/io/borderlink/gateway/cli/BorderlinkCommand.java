package io.borderlink.gateway.cli;

import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * What the gateway's jar does besides running the gateway: the auditor's offline verifier. The tools that
 * play agencies and partners are in borderlink-tools.jar, so that the jar an operator deploys carries none.
 */
@Command(
        name = "borderlink",
        mixinStandardHelpOptions = true,
        subcommands = VerifyCommand.class,
        description = "Borderlink command-line tools. Without a command, the jar runs the gateway.")
public final class BorderlinkCommand {

    public static final Set<String> COMMANDS = Set.of("verify");

    private BorderlinkCommand() {}

    public static int run(String... args) {
        return new CommandLine(new BorderlinkCommand()).execute(args);
    }
}
