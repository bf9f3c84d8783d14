package org.openpchat.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import org.openpchat.cli.commands.AddinCommands;
import org.openpchat.cli.commands.AuditCommand;
import org.openpchat.cli.commands.EligibleCommand;
import org.openpchat.cli.commands.CategoryCommands;
import org.openpchat.cli.commands.ComplianceConfigCommands;
import org.openpchat.cli.commands.ConfigCommands;
import org.openpchat.cli.commands.EndpointCommands;
import org.openpchat.cli.commands.ExportCommand;
import org.openpchat.cli.commands.GroupCommands;
import org.openpchat.cli.commands.HealthCommand;
import org.openpchat.cli.commands.ImportCommand;
import org.openpchat.cli.commands.Instants;
import org.openpchat.cli.commands.JobCommands;
import org.openpchat.cli.commands.MessageCommands;
import org.openpchat.cli.commands.PolicyCommands;
import org.openpchat.cli.commands.PoolCommands;
import org.openpchat.cli.commands.RoomCommands;
import org.openpchat.cli.commands.TestCommands;
import org.openpchat.cli.commands.UserCommands;
import org.openpchat.cli.http.ApiClient;
import org.openpchat.cli.output.Output;
import org.openpchat.cli.settings.SettingsResolver;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code pchat <noun> <verb>}: the command-line client of the administration API. */
@Command(name = "pchat", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        versionProvider = Pchat.Version.class, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Administers an Open Persistent Chat Server through its REST API"
                + " (https://<host>:8181/pchat/api/v1).",
            "Connection settings come from the options, then the environment (PCHAT_URL, PCHAT_USER,"
                + " PCHAT_PASSWORD, PCHAT_CA_FILE), then the file $XDG_CONFIG_HOME/pchat/config"
                + " (~/.config/pchat/config) with lines 'url = ...', 'user = ...', 'password = ...',"
                + " 'ca-file = ...' (a file holding a password must be mode 0600). Without a password"
                + " from any of them, pchat asks on the terminal."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success",
            "1:local problem (a file that cannot be read or written, a password file others can read,"
                + " an answer the CLI does not understand)",
            "2:usage error (unknown command or option, missing or contradicting arguments or settings)",
            "3:not signed in or not allowed (HTTP 401, 403)",
            "4:not found (HTTP 404)",
            "5:conflict or stale (HTTP 409, 412)",
            "6:invalid input (HTTP 400, 413, 415 and other refusals)",
            "7:throttled (HTTP 429)",
            "8:server error or unreachable (HTTP 5xx, connection or TLS failure)",
            "9:a job failed or finished with errors, or the message test failed"},
        subcommands = {RoomCommands.class, MessageCommands.class, CategoryCommands.class, AddinCommands.class,
            PolicyCommands.class, ConfigCommands.class, ComplianceConfigCommands.class, EndpointCommands.class,
            UserCommands.class, GroupCommands.class, PoolCommands.class, AuditCommand.class, ExportCommand.class,
            ImportCommand.class, JobCommands.class, TestCommands.class, HealthCommand.class, EligibleCommand.class})
public final class Pchat {

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL", order = 100,
            description = "The server, https://host:8181 (default " + SettingsResolver.DEFAULT_URL
                    + "; env PCHAT_URL).")
    String url;

    @Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "SIP-ADDRESS", order = 101,
            description = "Who signs in, e.g. sip:admin@example.com (env PCHAT_USER).")
    String user;

    @Option(names = "--password-file", scope = ScopeType.INHERIT, paramLabel = "FILE", order = 102,
            description = "Read the password from the first line of FILE (mode 0600).")
    Path passwordFile;

    @Option(names = "--password-stdin", scope = ScopeType.INHERIT, order = 103,
            description = "Read the password from standard input (env PCHAT_PASSWORD otherwise; else asked).")
    boolean passwordStdin;

    @Option(names = "--ca-file", scope = ScopeType.INHERIT, paramLabel = "PEM", order = 104,
            description = "Trust the server certificate(s) in this PEM file, e.g. the domain's"
                    + " config/pchat-https.pem (env PCHAT_CA_FILE; default: the JDK's trusted CAs).")
    Path caFile;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "table|json", order = 105,
            description = "table (default) or json: the server's JSON as it came.")
    Output.Format format = Output.Format.TABLE;

    private final CliEnvironment environment;
    private ApiClient api;
    private ApiClient anonymous;
    private Output output;

    Pchat(CliEnvironment environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(run(CliEnvironment.system(), args));
    }

    /** Runs one command line and returns its exit code (in-process use and tests). */
    public static int run(CliEnvironment environment, String... args) {
        return commandLine(environment).execute(args);
    }

    static CommandLine commandLine(CliEnvironment environment) {
        CommandLine cli = new CommandLine(new Pchat(environment));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.registerConverter(Instant.class, Instants::parse);
        cli.setOut(new PrintWriter(environment.out(), true));
        cli.setErr(new PrintWriter(environment.err(), true));
        cli.setExecutionExceptionHandler((e, command, parseResult) -> failed(environment, e));
        return cli;
    }

    private static int failed(CliEnvironment environment, Exception e) {
        PrintStream err = environment.err();
        if (e instanceof CliException failure) {
            err.println("pchat: " + failure.getMessage());
            failure.details().forEach(err::println);
            if (environment.variables().get("PCHAT_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return failure.exitCode();
        }
        err.println("pchat: unexpected error: " + e);
        if (environment.variables().get("PCHAT_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("(set PCHAT_DEBUG=1 for the stack trace)");
        }
        return ExitCodes.LOCAL_ERROR;
    }

    public CliEnvironment environment() {
        return environment;
    }

    /** The API client, set up (and the password found) on first use. */
    public ApiClient api() {
        if (api == null) {
            api = new ApiClient(resolver().resolve(flags()), Version.number());
        }
        return api;
    }

    /** A client that never signs in (the health URL). */
    public ApiClient anonymousApi() {
        if (anonymous == null) {
            anonymous = new ApiClient(resolver().resolve(flags(), false), Version.number());
        }
        return anonymous;
    }

    public Output output() {
        if (output == null) {
            output = new Output(format, environment.out());
        }
        return output;
    }

    private SettingsResolver resolver() {
        return new SettingsResolver(environment);
    }

    private SettingsResolver.Flags flags() {
        return new SettingsResolver.Flags(url, user, passwordFile, passwordStdin, caFile);
    }

    /** The version from the jar's manifest. */
    public static final class Version implements IVersionProvider {
        static String number() {
            String version = Pchat.class.getPackage().getImplementationVersion();
            return version == null ? "development" : version;
        }

        @Override
        public String[] getVersion() {
            return new String[] {"pchat " + number()};
        }
    }
}
