package org.openpchat.cli.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.openpchat.cli.CliEnvironment;
import org.openpchat.cli.CliException;
import org.openpchat.cli.ExitCodes;

/**
 * The connection settings from, in this order: the command line, the environment
 * ({@code PCHAT_URL}, {@code PCHAT_USER}, {@code PCHAT_PASSWORD}, {@code PCHAT_CA_FILE}), the config
 * file, and for the password last a prompt on the terminal.
 */
public final class SettingsResolver {

    public static final String DEFAULT_URL = "https://localhost:8181";
    static final String API_PATH = "/pchat/api/v1";

    /** What the command line said; {@code null} for what it did not. */
    public record Flags(String url, String user, Path passwordFile, boolean passwordStdin, Path caFile) {
    }

    private final CliEnvironment environment;

    public SettingsResolver(CliEnvironment environment) {
        this.environment = environment;
    }

    /** Everything, for requests that sign in. */
    public ConnectionSettings resolve(Flags flags) {
        return resolve(flags, true);
    }

    /** @param signIn false for the requests that need no user (the health URL) */
    public ConnectionSettings resolve(Flags flags, boolean signIn) {
        Map<String, String> variables = environment.variables();
        ConfigFile config = ConfigFile.read(ConfigFile.defaultLocation(variables, environment.home()));
        URI base = apiBase(first(flags.url(), variables.get("PCHAT_URL"), config.get("url"), DEFAULT_URL));
        Path caFile = flags.caFile() != null ? flags.caFile()
                : variables.get("PCHAT_CA_FILE") != null && !variables.get("PCHAT_CA_FILE").isBlank()
                        ? Path.of(variables.get("PCHAT_CA_FILE")) : config.path("ca-file");
        if (!signIn) {
            return new ConnectionSettings(base, null, null, caFile);
        }
        String user = first(flags.user(), variables.get("PCHAT_USER"), config.get("user"));
        if (user == null) {
            throw new CliException(ExitCodes.USAGE, "no user: give --user, set PCHAT_USER or put 'user = ...' in "
                    + config.path());
        }
        if (new ConnectionSettings(base, user, null, null).basicUser().contains(":")) {
            throw new CliException(ExitCodes.USAGE, "the user '" + user + "' must be a SIP address such as"
                    + " sip:admin@example.com");
        }
        return new ConnectionSettings(base, user, password(flags, variables, config, user), caFile);
    }

    private Supplier<char[]> password(Flags flags, Map<String, String> variables, ConfigFile config, String user) {
        if (flags.passwordFile() != null && flags.passwordStdin()) {
            throw new CliException(ExitCodes.USAGE, "--password-file and --password-stdin exclude each other");
        }
        if (flags.passwordFile() != null) {
            char[] password = PasswordFile.read(flags.passwordFile());
            return () -> password.clone();
        }
        if (flags.passwordStdin()) {
            char[] password = PasswordFile.read(environment.in());
            return () -> password.clone();
        }
        String fixed = first(variables.get("PCHAT_PASSWORD"), config.get("password"));
        if (fixed != null) {
            return fixed::toCharArray;
        }
        return new Prompted(environment, user, config.path());
    }

    /** Asks once, when the first request needs it. */
    private static final class Prompted implements Supplier<char[]> {
        private final CliEnvironment environment;
        private final String user;
        private final Path configPath;
        private char[] password;

        Prompted(CliEnvironment environment, String user, Path configPath) {
            this.environment = environment;
            this.user = user;
            this.configPath = configPath;
        }

        @Override
        public synchronized char[] get() {
            if (password == null) {
                char[] typed = environment.readSecret("Password for " + user + ": ");
                if (typed == null) {
                    throw new CliException(ExitCodes.USAGE, "no password and no terminal to ask for it: give"
                            + " --password-file FILE or --password-stdin, set PCHAT_PASSWORD, or put"
                            + " 'password = ...' in " + configPath + " (mode 0600)");
                }
                password = typed;
            }
            return password.clone();
        }
    }

    static URI apiBase(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new CliException(ExitCodes.USAGE, "not a URL: " + url);
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new CliException(ExitCodes.USAGE, "the URL must be https://host[:port] (passwords never travel"
                    + " in clear), not " + url);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        String base = uri.getScheme() + "://" + uri.getRawAuthority() + (path.isEmpty() ? API_PATH : path);
        return URI.create(base);
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
