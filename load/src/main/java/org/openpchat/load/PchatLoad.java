package org.openpchat.load;

import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * pchat-load: the load and sizing tool. Many SIP users from one process, each on its own TCP
 * connection, all served by a few threads; scenarios print one result line per step and can
 * write JSON.
 */
@Command(name = "pchat-load", mixinStandardHelpOptions = true, versionProvider = PchatLoad.Version.class,
        description = "Load and sizing tool for the Persistent Chat server.",
        subcommands = {FanoutCommand.class, LogonStormCommand.class, HistoryCommand.class, SearchCommand.class,
                HistoryArchiveCommand.class, UsersCsvCommand.class})
public final class PchatLoad {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line; the exit code (0 done, 1 the scenario did not complete, 2 bad usage). */
    public static int run(String... args) {
        Logger.getLogger("gov.nist").setLevel(Level.WARNING);
        return new CommandLine(new PchatLoad()).setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("pchat-load: " + e.getMessage());
            return 1;
        }).execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = PchatLoad.class.getPackage().getImplementationVersion();
            return new String[] {"pchat-load " + (version == null ? "(development)" : version)};
        }
    }
}
