package io.borderlink.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The development tools: what agencies and partners do, played on one machine with the development PKI in
 * certs-dev/ (read from the repository root, or from {@code -Dborderlink.certs=DIR}); and, for rehearsing a
 * production deployment on one host, a throwaway production-like PKI and a time-stamping authority.
 */
@Command(
        name = "borderlink-tools",
        mixinStandardHelpOptions = true,
        subcommands = {
            ProtectCommand.class,
            PartnerSendCommand.class,
            PartnerStubCommand.class,
            AgencyStubCommand.class,
            RehearsalPkiCommand.class,
            TsaCommand.class,
            DropPartnerCommand.class
        },
        description = "Play the gateway's agencies and partners for trying it locally (development PKI, DEV ONLY).")
public final class BorderlinkTools implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    static int execute(String... args) {
        return new CommandLine(new BorderlinkTools()).execute(args);
    }

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "Missing command: protect, partner-send, partner-stub, agency-stub, rehearsal-pki, tsa or drop-partner");
    }
}
